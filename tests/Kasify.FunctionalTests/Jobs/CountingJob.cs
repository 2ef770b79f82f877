using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Timeline;

namespace Kasify.FunctionalTests.Jobs;

/// <summary>A job kind for tests of the job mechanism itself: every run leaves one <c>test.ran</c> activity.</summary>
public sealed class CountingJob(IKasifyDb db, TimeProvider time) : IOutboxJobHandler
{
    public const string JobKind = "test.count";

    public string Kind => JobKind;

    public Task HandleAsync(string payload, CancellationToken ct)
    {
        var subject = Guid.Parse(payload.Trim('"'));
        db.Activities.Add(new Activity(time.GetUtcNow().UtcDateTime, "test.ran", "counted", "test", subject, null, null, null, null));
        return Task.CompletedTask;
    }
}
