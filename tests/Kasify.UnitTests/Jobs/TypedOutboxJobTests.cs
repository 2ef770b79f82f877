using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Domain.Timeline;
using Kasify.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.UnitTests.Jobs;

/// <summary>An <see cref="IOutboxJobHandler{TPayload}"/> gets its payload read once, by the catalog, from the JSON the outbox wrote.</summary>
[NonParallelizable]
public sealed class TypedOutboxJobTests
{
    public sealed record Greeting(Guid SubjectId, string Text, int Times);

    public sealed class GreetingJob(IKasifyDb db, TimeProvider time) : IOutboxJobHandler<Greeting>
    {
        public const string JobKind = "test.greeting";

        public string Kind => JobKind;

        public Task HandleAsync(Greeting payload, CancellationToken ct)
        {
            db.Activities.Add(new Activity(time.GetUtcNow().UtcDateTime, "test.greeted", $"{payload.Text} x{payload.Times}", "test",
                payload.SubjectId, null, null, null, null));
            return Task.CompletedTask;
        }
    }

    [Test]
    public async Task The_handler_receives_the_record_it_was_enqueued_with()
    {
        await using var host = new InfrastructureHost(s => s.AddScoped<IOutboxJob, GreetingJob>());
        var subject = Guid.NewGuid();
        var id = await host.EnqueueAsync(GreetingJob.JobKind, new Greeting(subject, "Hola", 3));

        await host.RunAsync(id);

        var activity = await host.WithDbAsync(db => db.Activities.SingleAsync(a => a.Kind == "test.greeted"));
        (activity.SubjectId, activity.Summary).Should().Be((subject, "Hola x3"));
        (await host.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id))).ProcessedAt.Should().NotBeNull();
    }

    [Test]
    public async Task An_empty_payload_fails_for_good_without_reaching_the_handler()
    {
        await using var host = new InfrastructureHost(s => s.AddScoped<IOutboxJob, GreetingJob>());
        var id = await host.EnqueueAsync(GreetingJob.JobKind, null!);

        var run = () => host.RunAsync(id);

        await run.Should().ThrowAsync<PermanentJobFailureException>().WithMessage("Empty payload.");
        var row = await host.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id));
        row.FailedAt.Should().NotBeNull("retrying cannot fill an empty payload");
        (await host.WithDbAsync(db => db.Activities.CountAsync(a => a.Kind == "test.greeted"))).Should().Be(0);
    }

    [Test]
    public void The_catalog_knows_typed_and_text_handlers_alike()
    {
        TypedOutboxJob.PayloadTypeOf(typeof(GreetingJob)).Should().Be(typeof(Greeting));
        TypedOutboxJob.PayloadTypeOf(typeof(ScriptedJob)).Should().BeNull();
    }
}
