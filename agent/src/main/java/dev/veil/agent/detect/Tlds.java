package dev.veil.agent.detect;

/**
 * Top-level domains an e-mail address or host name can end with: every country code and the generic
 * domains in real use. Keeps {@code icon@2x.png} and {@code report@final.docx} out of the e-mail
 * detector. IDN TLDs ({@code xn--...}) are accepted by shape.
 */
final class Tlds {
    private Tlds() {
    }

    private static final String COUNTRY_CODES = "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi"
            + " bj bm bn bo bq br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm"
            + " do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk"
            + " hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li"
            + " lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng"
            + " ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg"
            + " sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk"
            + " us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

    private static final String GENERIC = "com org net edu gov mil int info biz name pro aero asia cat coop jobs mobi"
            + " museum post tel travel app dev page cloud tech online site website store shop blog email xyz top club"
            + " live news today world life space fun icu vip work agency digital network systems solutions company"
            + " services group global media studio design academy center city consulting energy expert finance"
            + " financial fund health host hosting inc llc ltd law legal marketing money one plus pub run social"
            + " software support team tools town video wiki zone art bank bio build capital care careers cash chat"
            + " codes community computer dating directory education engineering enterprises events exchange express"
            + " farm fit foundation gallery games gmbh gold golf guide guru house immo institute insure international"
            + " investments jetzt land lat lgbt lifestyle limited link london love mba management market menu moe nyc"
            + " ninja paris partners photo photography photos pics pink pizza place plumbing poker press productions"
            + " properties property realestate recipes red rentals repair report rest restaurant reviews rocks sale"
            + " salon school science security shoes show singles ski soccer solar sport stream style surf tattoo tax"
            + " taxi technology tennis theater tips tires tokyo tour toys trade training tube university uno vacations"
            + " ventures vet viajes villas vin vision vote voyage watch webcam wedding wine win works wtf yoga youtube"
            + " google amazon apple microsoft aws azure berlin bayern wien swiss quebec scot wales eus gal cymru africa"
            + " nrw ruhr hamburg koeln amsterdam brussels barcelona madrid istanbul moscow osaka sydney melbourne boston"
            + " miami vegas ai io co me tv ly gg sh so to fm am bot chat ink mail ltd srl sarl kiwi nz family fans"
            + " direct domains download dog cafe coffee cool deals dental diet doctor eco estate fashion fitness"
            + " florist flowers forsale fyi garden gift gifts gives graphics green gripe hair haus help hiphop hockey"
            + " holdings holiday homes horse hospital how industries ist jewelry juegos kim kitchen lawyer lease"
            + " lighting limo loan loans luxe maison mom mortgage movie music navy observer organic partners pet"
            + " pictures plus poker pro promo quest racing radio reise reisen rip rsvp rugby ryukyu saarland sbs"
            + " schule select shiksha shopping sky soy stockholm storage study supplies supply surgery sydney tatar"
            + " theatre tickets tienda tirol today top trust tv vacations viajes vodka wales wang wtf xin yachts"
            // reserved for testing and documentation (RFC 2606), common in sample data
            + " test example invalid";

    /** Lower-case TLDs bucketed by first letter; lookups compare in place, allocating nothing. */
    private static final String[][] BY_FIRST_CHAR = new String[128][];

    static {
        for (String list : new String[] {COUNTRY_CODES, GENERIC}) {
            for (String tld : list.split(" ")) {
                WordBuckets.add(BY_FIRST_CHAR, tld.charAt(0), tld);
            }
        }
    }

    /** True when s[from, to) is a known TLD (case-insensitive). */
    static boolean isKnown(String s, int from, int to) {
        int len = to - from;
        if (len < 2 || len > 24) {
            return false;
        }
        if (Chars.regionMatchesIgnoreCase(s, from, "xn--")) {
            return len > 5; // internationalised TLD
        }
        char c = Chars.lower(s.charAt(from));
        String[] bucket = c < 128 ? BY_FIRST_CHAR[c] : null;
        if (bucket != null) {
            for (String tld : bucket) {
                if (tld.length() == len && Chars.regionMatchesIgnoreCase(s, from, tld)) {
                    return true;
                }
            }
        }
        return false;
    }
}
