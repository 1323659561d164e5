package dev.veil.agent.detect;

/** Samples for the personal-data detectors; checksummed values are computed at test time. */
final class PiiSamples {
    private final Samples s;
    private final KeyGen g;

    PiiSamples(Samples s) {
        this.s = s;
        this.g = s.g;
    }

    void addAll() {
        emails();
        phones();
        cards();
        ibans();
        ssns();
        ipAndMac();
        wallets();
    }

    private String digits(int n) {
        return g.chars(KeyGen.DIGITS, n);
    }

    private void emails() {
        String[] names = {"alice", "bob.smith", "j.doe+news", "maria_garcia", "x99"};
        String[] domains = {"example.com", "mail.acme.co.uk", "uni-heidelberg.de", "startup.io", "corp.internal.net"};
        for (int i = 0; i < 5; i++) {
            s.tp(Detector.EMAIL_ADDRESS, "Please contact %s about the invoice.", g.pick(names) + g.nextInt(100) + "@" + g.pick(domains));
        }
        s.tp(Detector.EMAIL_ADDRESS, "{\"to\": \"%s\"}", "ops-team@company.org");
        s.tp(Detector.EMAIL_ADDRESS, "<a href=\"mailto:%s\">mail</a>", "first.last@sub.domain.fr");
        s.tp(Detector.EMAIL_ADDRESS, "test account %s", "qa." + g.alnum(5).toLowerCase(java.util.Locale.ROOT) + "@acme.test");
        s.fp(Detector.EMAIL_ADDRESS, "git clone git@github.com:veil/agent.git");
        s.fp(Detector.EMAIL_ADDRESS, "<img src=\"icon@2x.png\"> and logo@3x.webp");
        s.fp(Detector.EMAIL_ADDRESS, "npm install @scope/pkg lodash@4.17.21 and @Override public void run()");
        s.fp(Detector.EMAIL_ADDRESS, "ssh deploy@build-host or user@localhost; see report@final.docx");
    }

    private String nanp() {
        return (2 + g.nextInt(8)) + digits(1) + (2 + g.nextInt(7)) + "|" + (2 + g.nextInt(8)) + digits(2) + "|" + digits(4);
    }

    private void phones() {
        String[] p = nanp().split("\\|");
        s.tp(Detector.PHONE_NUMBER, "Call me at %s tomorrow.", "(" + p[0] + ") " + p[1] + "-" + p[2]);
        p = nanp().split("\\|");
        s.tp(Detector.PHONE_NUMBER, "office: %s", p[0] + "-" + p[1] + "-" + p[2]);
        p = nanp().split("\\|");
        s.tp(Detector.PHONE_NUMBER, "{\"phone\": \"%s\"}", "+1 " + p[0] + " " + p[1] + " " + p[2]);
        p = nanp().split("\\|");
        s.tp(Detector.PHONE_NUMBER, "US line %s", p[0] + "." + p[1] + "." + p[2]);
        s.tp(Detector.PHONE_NUMBER, "fake number %s", "(555) " + (100 + g.nextInt(900)) + "-" + digits(4));
        s.tp(Detector.PHONE_NUMBER, "intl %s", "+1-" + (200 + g.nextInt(700)) + "-" + digits(3) + "-" + digits(4));
        s.tp(Detector.PHONE_NUMBER, "London office %s", "+44 20 " + (7 + g.nextInt(2)) + digits(3) + " " + digits(4));
        s.tp(Detector.PHONE_NUMBER, "Mobil: %s", "+49 151 " + digits(8));
        s.tp(Detector.PHONE_NUMBER, "Standard : %s", "01 " + (40 + g.nextInt(50)) + " " + digits(2) + " " + digits(2) + " " + digits(2));
        s.tp(Detector.PHONE_NUMBER, "ring the UK desk on %s", "020 7" + digits(3) + " " + digits(4));
        s.tp(Detector.PHONE_NUMBER, "text me, my cell is %s", (2 + g.nextInt(8)) + digits(2) + (2 + g.nextInt(8)) + digits(6));
        s.tp(Detector.PHONE_NUMBER, "WhatsApp %s", "+91 " + (7 + g.nextInt(3)) + digits(4) + " " + digits(5));
        s.fp(Detector.PHONE_NUMBER, "Released 2024-11-22, build 1732233600000, ZIP 94105-1234.");
        s.fp(Detector.PHONE_NUMBER, "order #123456789 shipped; total $1,234,567.89; ISBN 978-3-16-148410-0");
        s.fp(Detector.PHONE_NUMBER, "at 12:30:45 the version 10.15.7 and 3.14159 rounded to 2 decimals");
        s.fp(Detector.PHONE_NUMBER, "+1 234 and +999 12345678 are not numbers; 555-1234 is too short");
    }

    private String card(String prefix, int length) {
        return Encoders.withLuhn(prefix + digits(length - prefix.length() - 1));
    }

    private void cards() {
        String visa = card("4" + (1 + g.nextInt(8)), 16);
        s.tp(Detector.CREDIT_CARD_NUMBER, "card %s exp 04/29", Encoders.grouped(visa, " ", 4, 4, 4, 4));
        s.tp(Detector.CREDIT_CARD_NUMBER, "{\"pan\": \"%s\"}", card("5" + (1 + g.nextInt(5)), 16));
        s.tp(Detector.CREDIT_CARD_NUMBER, "amex %s", Encoders.grouped(card("37", 15), "-", 4, 6, 5));
        s.tp(Detector.CREDIT_CARD_NUMBER, "discover %s", Encoders.grouped(card("6011", 16), "-", 4, 4, 4, 4));
        s.tp(Detector.CREDIT_CARD_NUMBER, "mastercard 2-series %s", card("2" + (3 + g.nextInt(4)), 16));
        String bad = visa.substring(0, 15) + (char) ('0' + (visa.charAt(15) - '0' + 1) % 10);
        s.fp(Detector.CREDIT_CARD_NUMBER, "Luhn-invalid " + Encoders.grouped(bad, " ", 4, 4, 4, 4));
        s.fp(Detector.CREDIT_CARD_NUMBER, "Stripe test cards 4242 4242 4242 4242, 4111111111111111 and 5555-5555-5555-4444");
        s.fp(Detector.CREDIT_CARD_NUMBER, "IMEI " + card("35" + digits(4), 15) + " and serial " + card("86", 15));
        String mixed = card("4" + (1 + g.nextInt(8)), 16);
        s.fp(Detector.CREDIT_CARD_NUMBER, "mixed separators " + mixed.substring(0, 4) + " " + mixed.substring(4, 8) + "-"
                + mixed.substring(8, 12) + "." + mixed.substring(12));
        s.fp(Detector.CREDIT_CARD_NUMBER, "unknown issuer " + card("99", 16) + " and epoch ms " + card("17", 13));
    }

    private void ibans() {
        String de = Encoders.iban("DE", digits(18));
        s.tp(Detector.IBAN, "IBAN: %s", Encoders.grouped(de, " ", 4, 4, 4, 4, 4, 2));
        s.tp(Detector.IBAN, "wire to %s today", Encoders.iban("GB", g.chars(KeyGen.UPPER, 4) + digits(14)));
        s.tp(Detector.IBAN, "{\"iban\":\"%s\"}", Encoders.iban("FR", digits(23)));
        s.tp(Detector.IBAN, "NL account %s", Encoders.grouped(Encoders.iban("NL", g.chars(KeyGen.UPPER, 4) + digits(10)), " ", 4, 4, 4, 4, 2));
        String wrong = de.substring(0, 2) + (de.charAt(2) == '9' ? '1' : '9') + de.substring(3);
        s.fp(Detector.IBAN, "bad check digits " + wrong);
        s.fp(Detector.IBAN, "unknown country ZZ" + digits(20) + " and short " + de.substring(0, 20));
        s.fp(Detector.IBAN, "ISO codes like DE49 and GB12 in a table");
    }

    private void ssns() {
        String area = String.valueOf(100 + g.nextInt(565));
        s.tp(Detector.US_SSN, "SSN %s on file", area + "-" + (10 + g.nextInt(89)) + "-" + (1000 + g.nextInt(8999)));
        s.tp(Detector.US_SSN, "social security number: %s", (667 + g.nextInt(200)) + " " + (10 + g.nextInt(89)) + " " + (1000 + g.nextInt(8999)));
        s.tp(Detector.US_SSN, "ssn=%s", (100 + g.nextInt(500)) + "" + (10 + g.nextInt(89)) + (1000 + g.nextInt(8999)));
        s.fp(Detector.US_SSN, "invalid: 000-12-3456, 666-12-3456, 900-12-3456, 123-00-4567, 123-45-0000");
        s.fp(Detector.US_SSN, "the advertised 078-05-1120 and 219-09-9999");
        s.tp(Detector.US_SSN, "My SSN is %s.", "123-45-6789");
        s.fp(Detector.US_SSN, "part no. 4155552671 and a nine digit id 123456780 without context");
    }

    private void ipAndMac() {
        s.tp(Detector.IPV4_ADDRESS, "ssh into %s and restart", "192.168." + g.nextInt(255) + "." + (2 + g.nextInt(250)));
        s.tp(Detector.IPV4_ADDRESS, "client_ip=%s", (11 + g.nextInt(100)) + "." + g.nextInt(255) + "." + g.nextInt(255) + "." + (1 + g.nextInt(254)));
        s.tp(Detector.IPV4_ADDRESS, "[%s]:8080", "10.0." + g.nextInt(255) + "." + (1 + g.nextInt(254)));
        s.tp(Detector.IPV4_ADDRESS, "can't ping %s from the office", "8.8." + (1 + g.nextInt(9)) + "." + (1 + g.nextInt(9)));
        s.fp(Detector.IPV4_ADDRESS, "version 10.2.0.1, v1.2.3.4, 1.2.3.4, 256.1.1.1, 127.0.0.1 and 0.0.0.0");
        s.fp(Detector.IPV4_ADDRESS, "OID 1.3.6.1.4.1.311 and 1.2.3.4.5 and lodash@4.17.21.1");
        s.tp(Detector.IPV6_ADDRESS, "peer %s connected", "2001:db8:" + g.hex(4) + "::" + g.hex(3) + ":" + g.hex(4));
        s.tp(Detector.IPV6_ADDRESS, "link-local %s.", "fe80::" + g.hex(3) + ":" + g.hex(4) + ":" + g.hex(4) + ":" + g.hex(4));
        s.tp(Detector.IPV6_ADDRESS, "full form %s", "2607:f8b0:" + g.hex(4) + ":" + g.hex(4) + ":" + g.hex(4) + ":" + g.hex(4) + ":"
                + g.hex(4) + ":" + g.hex(4));
        s.fp(Detector.IPV6_ADDRESS, "loopback ::1 and std::vector<int> and a::b and 12:30:45");
        s.fp(Detector.IPV6_ADDRESS, "Foo::Bar::baz() and 2001:db8 and de:ad:be:ef");
        String mac = g.hex(2) + ":" + g.hex(2) + ":" + g.hex(2) + ":" + g.hex(2) + ":" + g.hex(2) + ":" + "a" + g.hex(1);
        s.tp(Detector.MAC_ADDRESS, "device %s joined", mac);
        s.tp(Detector.MAC_ADDRESS, "hw addr %s", mac.replace(':', '-').toUpperCase(java.util.Locale.ROOT));
        s.fp(Detector.MAC_ADDRESS, "broadcast ff:ff:ff:ff:ff:ff and 00:00:00:00:00:00 at 12:30:45");
        s.fp(Detector.MAC_ADDRESS, "date-ish 20-24-11-22-10-30 and 00-11-22-33-44-55-66");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) g.nextInt(256);
        }
        return b;
    }

    private void wallets() {
        s.tp(Detector.BITCOIN_ADDRESS, "send BTC to %s please", Encoders.base58Check(0, bytes(20)));
        s.tp(Detector.BITCOIN_ADDRESS, "multisig %s", Encoders.base58Check(5, bytes(20)));
        s.tp(Detector.BITCOIN_ADDRESS, "segwit %s", Encoders.segwit(0, bytes(20)));
        s.tp(Detector.BITCOIN_ADDRESS, "taproot %s", Encoders.segwit(1, bytes(32)));
        String legacy = Encoders.base58Check(0, bytes(20));
        char last = legacy.charAt(legacy.length() - 1);
        s.fp(Detector.BITCOIN_ADDRESS, "typo " + legacy.substring(0, legacy.length() - 1) + (last == 'z' ? 'y' : 'z'));
        String bech = Encoders.segwit(0, bytes(20));
        s.fp(Detector.BITCOIN_ADDRESS, "bad checksum " + bech.substring(0, bech.length() - 1) + (bech.endsWith("q") ? "p" : "q"));
        s.tp(Detector.ETHEREUM_ADDRESS, "pay %s on mainnet", Encoders.eip55(g.hex(40)));
        s.tp(Detector.ETHEREUM_ADDRESS, "my wallet: %s", "0x" + g.hex(40));
        s.fp(Detector.ETHEREUM_ADDRESS, "tx hash 0x" + g.hex(64) + " and storage slot 0x" + g.hex(40));
        String checksummed = Encoders.eip55(g.hex(40));
        s.fp(Detector.ETHEREUM_ADDRESS, "wrong case " + flipFirstLetterCase(checksummed));
    }

    private static String flipFirstLetterCase(String address) {
        char[] c = address.toCharArray();
        for (int i = 2; i < c.length; i++) {
            if (Character.isLetter(c[i])) {
                c[i] = Character.isUpperCase(c[i]) ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
                break;
            }
        }
        return new String(c);
    }
}
