using System.Diagnostics;
using Kasify.Application.Jobs;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>
/// The span of one outbox job run, a child of the request (or job) that wrote the row: its W3C traceparent is stored on
/// the row, so a request, the row and the job that did the outside work share one trace, even across instances.
/// </summary>
internal static class JobActivity
{
    public static Activity? Start(OutboxMessage message)
    {
        if (!KasifyTelemetry.Jobs.HasListeners()) return null;
        var parent = ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var context) ? context : default;
        var activity = KasifyTelemetry.Jobs.StartActivity($"job {message.Kind}", ActivityKind.Consumer, parent);
        activity?.SetTag("kasify.job.kind", message.Kind)
            .SetTag("kasify.job.id", message.Id)
            .SetTag("kasify.job.attempt", message.Attempts);
        return activity;
    }

    public static void Failed(Activity? activity, Exception ex)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
        activity.SetTag("error.type", ex.GetType().FullName);
    }
}
