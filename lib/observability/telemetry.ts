import 'server-only';
import { OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter, registerOTel } from '@vercel/otel';
import { getConfig, type ObservabilityConfig } from '@/lib/config/env';
import { createHttpMetricsProcessor } from './http-metrics';
import { requestIdPropagator } from './request-id';

/**
 * OpenTelemetry for this process, registered once from `instrumentation.ts`. Registering a tracer provider
 * is what makes Next run each request in a context it extracts from the request's headers, which is how
 * the request id reaches every log line; so one is always registered. Spans are recorded only when
 * something reads them: the request-duration metric (`METRICS_TOKEN`) or a collector
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`). Otherwise every span is a no-op and nothing is exported.
 */
export function startTelemetry(config: ObservabilityConfig = getConfig().observability): void {
  const { traces, metricsToken, serviceName } = config;
  const exporterOptions = traces && { url: traces.url, headers: traces.headers };
  registerOTel({
    serviceName,
    // Next traces its own fetches; a second fetch instrumentation would only double those spans.
    instrumentations: [],
    propagators: ['tracecontext', requestIdPropagator],
    traceSampler: traces || metricsToken ? 'always_on' : 'always_off',
    spanProcessors: metricsToken ? [createHttpMetricsProcessor()] : [],
    ...(exporterOptions && {
      traceExporter:
        traces.protocol === 'http/json'
          ? new OTLPHttpJsonTraceExporter(exporterOptions)
          : new OTLPHttpProtoTraceExporter(exporterOptions),
    }),
  });
}
