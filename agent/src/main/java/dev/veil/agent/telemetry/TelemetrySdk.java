package dev.veil.agent.telemetry;

import dev.veil.agent.log.VeilLog;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The embedded (relocated) OpenTelemetry SDK, configured in code — no autoconfigure module and no
 * {@code ServiceLoader}: batch span processor and periodic metric reader over Veil's OTLP/HTTP or console
 * exporters (either signal off with {@code OTEL_TRACES_EXPORTER=none} / {@code OTEL_METRICS_EXPORTER=none}),
 * the standard samplers, a resource from {@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES}, flushed and
 * shut down by a JVM shutdown hook. Built once, when telemetry is enabled, off the application's hot path.
 */
final class TelemetrySdk {
    private static final Logger LOG = VeilLog.get(TelemetrySdk.class);
    static final String SCOPE = "dev.veil";

    private final SdkTracerProvider tracerProvider;
    private final SdkMeterProvider meterProvider;
    private final Tracer tracer;
    private final Meter meter;

    private TelemetrySdk(SdkTracerProvider tracerProvider, SdkMeterProvider meterProvider, String version) {
        this.tracerProvider = tracerProvider;
        this.meterProvider = meterProvider;
        this.tracer = tracerProvider.tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
        this.meter = meterProvider.meterBuilder(SCOPE).setInstrumentationVersion(version).build();
    }

    static TelemetrySdk build(OtelEnv env, boolean console, String version) {
        Resource resource = resource(env);
        SpanExporter spans;
        MetricExporter metrics;
        if (console) {
            spans = new ConsoleExporters.Spans();
            metrics = new ConsoleExporters.Metrics();
        } else {
            String unsupported = OtlpTarget.unsupportedProtocol(env);
            if (unsupported != null) {
                LOG.warn("telemetry: {} is not supported by Veil's exporter; sending OTLP http/protobuf", unsupported);
            }
            spans = new OtlpSpanExporter(new OtlpHttpSender("spans", OtlpTarget.of(env, "traces"), version));
            metrics = new OtlpMetricExporter(new OtlpHttpSender("metrics", OtlpTarget.of(env, "metrics"), version),
                    temporality(env));
        }
        SdkTracerProviderBuilder traces = SdkTracerProvider.builder().setResource(resource).setSampler(sampler(env));
        if (!"none".equalsIgnoreCase(env.get("otel.traces.exporter", ""))) {
            traces.addSpanProcessor(BatchSpanProcessor.builder(spans)
                    .setScheduleDelay(env.millis("otel.bsp.schedule.delay", 5000), TimeUnit.MILLISECONDS)
                    .setExporterTimeout(env.millis("otel.bsp.export.timeout", 30000), TimeUnit.MILLISECONDS)
                    .build());
        }
        SdkMeterProviderBuilder meters = SdkMeterProvider.builder().setResource(resource);
        if (!"none".equalsIgnoreCase(env.get("otel.metrics.exporter", ""))) {
            meters.registerMetricReader(PeriodicMetricReader.builder(metrics)
                    .setInterval(env.millis("otel.metric.export.interval", 60000), TimeUnit.MILLISECONDS)
                    .build());
        }
        SdkTracerProvider tracerProvider = traces.build();
        SdkMeterProvider meterProvider = meters.build();
        final TelemetrySdk sdk = new TelemetrySdk(tracerProvider, meterProvider, version);
        for (String problem : env.problems()) {
            LOG.warn("telemetry: {}", problem);
        }
        Thread hook = new Thread(new Runnable() {
            @Override
            public void run() {
                sdk.shutdown(env.millis("otel.exporter.otlp.timeout", 10000));
            }
        }, "veil-otel-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return sdk;
    }

    Tracer tracer() {
        return tracer;
    }

    Meter meter() {
        return meter;
    }

    /** Exports what is pending (spans first, then a last metric collection) and stops the export threads. */
    void shutdown(long timeoutMillis) {
        try {
            CompletableResultCode.ofAll(Arrays.asList(tracerProvider.shutdown(), meterProvider.shutdown()))
                    .join(Math.max(1000, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (Throwable t) {
            LOG.debug("telemetry shutdown failed", t);
        }
    }

    /** {@code service.name} from {@code OTEL_SERVICE_NAME}, else {@code OTEL_RESOURCE_ATTRIBUTES}, else the SDK default. */
    static Resource resource(OtelEnv env) {
        AttributesBuilder attributes = Attributes.builder();
        for (Map.Entry<String, String> e : env.keyValues("otel.resource.attributes").entrySet()) {
            attributes.put(e.getKey(), e.getValue());
        }
        String serviceName = env.get("otel.service.name");
        if (serviceName != null) {
            attributes.put("service.name", serviceName);
        }
        return Resource.getDefault().merge(Resource.create(attributes.build()));
    }

    /** {@code OTEL_TRACES_SAMPLER} (+ {@code _ARG}); default {@code parentbased_always_on}, as in the SDK. */
    static Sampler sampler(OtelEnv env) {
        String name = env.get("otel.traces.sampler", "parentbased_always_on").toLowerCase(java.util.Locale.ROOT);
        double ratio = 1.0;
        String arg = env.get("otel.traces.sampler.arg");
        if (arg != null) {
            try {
                ratio = Math.max(0, Math.min(1, Double.parseDouble(arg)));
            } catch (NumberFormatException e) {
                LOG.warn("telemetry: ignored otel.traces.sampler.arg (OTEL_TRACES_SAMPLER_ARG): expected a ratio from 0 to 1");
            }
        }
        if (name.equals("always_on")) {
            return Sampler.alwaysOn();
        }
        if (name.equals("always_off")) {
            return Sampler.alwaysOff();
        }
        if (name.equals("traceidratio")) {
            return Sampler.traceIdRatioBased(ratio);
        }
        if (name.equals("parentbased_always_off")) {
            return Sampler.parentBased(Sampler.alwaysOff());
        }
        if (name.equals("parentbased_traceidratio")) {
            return Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
        }
        if (!name.equals("parentbased_always_on")) {
            LOG.warn("telemetry: unsupported otel.traces.sampler (OTEL_TRACES_SAMPLER) {}; using parentbased_always_on", name);
        }
        return Sampler.parentBased(Sampler.alwaysOn());
    }

    private static AggregationTemporalitySelector temporality(OtelEnv env) {
        String v = env.get("otel.exporter.otlp.metrics.temporality.preference", "cumulative");
        if (v.equalsIgnoreCase("delta")) {
            return AggregationTemporalitySelector.deltaPreferred();
        }
        if (v.equalsIgnoreCase("lowmemory")) {
            return AggregationTemporalitySelector.lowMemory();
        }
        return AggregationTemporalitySelector.alwaysCumulative();
    }
}
