using System.Diagnostics.Metrics;

namespace Kasify.Infrastructure.Telemetry;

/// <summary>
/// Kasify's own instruments on the <c>Kasify</c> meter (request rate and latency come from the ASP.NET Core
/// instrumentation). Gauges read <see cref="OperationalGauges"/>, which queries the database at most once per interval.
/// </summary>
public sealed class KasifyMetrics
{
    private readonly Counter<long> _jobFailures;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _calendarSyncs;
    private readonly Histogram<double> _provisioningDelay;

    public KasifyMetrics(IMeterFactory meters, OperationalGauges gauges)
    {
        var meter = meters.Create(KasifyTelemetry.MeterName);
        _jobFailures = meter.CreateCounter<long>("kasify.jobs.failures", "{failure}",
            "Failed outbox job attempts, by kind; final=true when the job gave up (no retry left or a permanent failure).");
        _jobDuration = meter.CreateHistogram<double>("kasify.jobs.duration", "s", "Duration of outbox job runs, by kind and outcome.");
        _calendarSyncs = meter.CreateCounter<long>("kasify.calendars.syncs", "{sync}",
            "Calendar feed syncs, by channel and outcome (ok or failed).");
        _provisioningDelay = meter.CreateHistogram<double>("kasify.access_codes.provisioning_delay", "s",
            "From when a code should be on the lock (check-in minus lead time, or its creation if later) to when the vendor confirmed it.");

        meter.CreateObservableGauge("kasify.outbox.backlog", () => gauges.Current().DueJobs, "{job}",
            "Outbox rows due and waiting for a worker (not in back-off, not running).");
        meter.CreateObservableGauge("kasify.outbox.oldest_due_age", () => gauges.Current().OldestDueAge.TotalSeconds, "s",
            "How long the oldest due, waiting outbox row has been due (0 when none).");
        meter.CreateObservableGauge("kasify.calendars.sync_lag", () => gauges.Current().CalendarSyncLag.TotalSeconds, "s",
            "Longest time since a calendar feed last synced successfully (feeds never synced count from their first attempt).");
        meter.CreateObservableGauge("kasify.calendars.failing", () => gauges.Current().FailingCalendars, "{calendar}",
            "Calendar feeds whose last sync failed.");
        meter.CreateObservableGauge("kasify.ses.reports_pending", () => gauges.Current().SesReportsPending, "{report}",
            "SES reports queued, being sent, awaiting SES's processing, or of unknown outcome.");
        meter.CreateObservableGauge("kasify.ses.reports_overdue", () => gauges.Current().SesReportsOverdue, "{report}",
            "SES reports past their 24-hour deadline and not accepted.");
    }

    public void JobFailed(string kind, bool final) =>
        _jobFailures.Add(1, new("kasify.job.kind", kind), new("kasify.job.final", final));

    public void JobRan(string kind, string outcome, TimeSpan duration) =>
        _jobDuration.Record(duration.TotalSeconds, new("kasify.job.kind", kind), new("kasify.job.outcome", outcome));

    public void CalendarSynced(string channel, bool ok) =>
        _calendarSyncs.Add(1, new("kasify.calendar.channel", channel), new("kasify.calendar.outcome", ok ? "ok" : "failed"));

    public void CodeLive(string vendor, TimeSpan delay) =>
        _provisioningDelay.Record(Math.Max(0, delay.TotalSeconds), new KeyValuePair<string, object?>("kasify.lock.vendor", vendor));
}
