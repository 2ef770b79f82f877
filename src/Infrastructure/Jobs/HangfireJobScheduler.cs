using Hangfire;
using Kasify.Application.Jobs;

namespace Kasify.Infrastructure.Jobs;

internal sealed class HangfireJobScheduler(IBackgroundJobClient jobs, TimeProvider time) : IJobScheduler
{
    public void Schedule(Guid outboxMessageId, DateTime dueAtUtc, string kind)
    {
        var queue = OutboxJobCatalog.QueueOf(kind);
        var delay = dueAtUtc - time.GetUtcNow().UtcDateTime;
        if (delay <= TimeSpan.Zero)
            jobs.Enqueue<OutboxJobRunner>(queue, runner => runner.RunAsync(outboxMessageId, CancellationToken.None));
        else
            jobs.Schedule<OutboxJobRunner>(queue, runner => runner.RunAsync(outboxMessageId, CancellationToken.None), delay);
    }
}
