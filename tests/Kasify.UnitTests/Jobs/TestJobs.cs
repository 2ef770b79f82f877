using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Timeline;

namespace Kasify.UnitTests.Jobs;

/// <summary>Writes an activity and then does what its payload says: "ok", "fail" (transient) or "permanent".</summary>
public sealed class ScriptedJob(IKasifyDb db, TimeProvider time) : IOutboxJobHandler
{
    public const string JobKind = "test.scripted";
    public static int Runs;

    public string Kind => JobKind;

    public Task HandleAsync(string payload, CancellationToken ct)
    {
        Interlocked.Increment(ref Runs);
        db.Activities.Add(new Activity(time.GetUtcNow().UtcDateTime, "test.ran", payload, "test", Guid.NewGuid(), null, null, null, null));
        return payload.Trim('"') switch
        {
            "fail" => throw new HttpRequestException("vendor unavailable"),
            "permanent" => throw new PermanentJobFailureException("bad credentials"),
            _ => Task.CompletedTask,
        };
    }
}
