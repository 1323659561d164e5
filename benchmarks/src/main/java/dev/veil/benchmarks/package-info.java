/** JMH benchmarks. Build with {@code mvn -B -q -DskipTests package}; run {@code java -jar benchmarks/target/benchmarks.jar}. */
package dev.veil.benchmarks;
