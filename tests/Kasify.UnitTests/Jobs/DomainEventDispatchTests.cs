using Kasify.Application.Calendars;
using Kasify.Domain.Properties;
using Kasify.Infrastructure.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.UnitTests.Jobs;

public sealed class DomainEventDispatchTests
{
    private static Property NewProperty(InfrastructureHost host, string name = "Casa") =>
        Property.Create(Guid.NewGuid(), new PropertyDetails(name, "Calle 1", "Madrid", "28001", null, null, null, null, null),
            PropertySettings.Default, host.Clock.GetUtcNow().UtcDateTime);

    private static async Task SaveAsync(InfrastructureHost host, Property property) =>
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KasifyDbContext>();
            db.Accounts.Add(AccountFor(property));
            db.Properties.Add(property);
            await db.SaveChangesAsync();
        });

    private static Kasify.Domain.Accounts.Account AccountFor(Property property)
    {
        var account = new Kasify.Domain.Accounts.Account(Guid.NewGuid(), DateTime.UtcNow);
        typeof(Kasify.Domain.Accounts.Account).GetProperty("Id")!.SetValue(account, property.AccountId);
        return account;
    }

    [Test]
    public async Task Before_commit_consumers_write_in_the_same_transaction()
    {
        await using var host = new InfrastructureHost();
        var property = NewProperty(host);

        await SaveAsync(host, property);

        var activity = await host.WithDbAsync(db => db.Activities.SingleAsync(a => a.SubjectId == property.Id));
        activity.Kind.Should().Be("property.created");
        property.DomainEvents.Should().BeEmpty("events are popped when published");
    }

    [Test]
    public async Task Events_raised_by_consumers_are_published_in_the_same_save()
    {
        await using var host = new InfrastructureHost(consumers: c => c.AddConsumer<AddsAnAirbnbCalendar>());
        var property = NewProperty(host, "Needs calendar");

        await SaveAsync(host, property);

        (await host.WithDbAsync(db => db.PropertyCalendars.CountAsync(c => c.PropertyId == property.Id))).Should().Be(1);
        (await host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.PropertyId == property.Id && m.Kind == CalendarSyncRequest.Kind))).Should().Be(1);
    }

    [Test]
    public async Task A_consumer_that_throws_vetoes_the_whole_save()
    {
        await using var host = new InfrastructureHost(consumers: c => c.AddConsumer<RefusesForbiddenNames>());
        var property = NewProperty(host, "Forbidden");

        var save = () => SaveAsync(host, property);

        await save.Should().ThrowAsync<InvalidOperationException>().WithMessage("*refused*");
        (await host.WithDbAsync(db => db.Properties.CountAsync())).Should().Be(0);
        (await host.WithDbAsync(db => db.Activities.CountAsync())).Should().Be(0);
        host.Scheduler.Scheduled.Should().BeEmpty();
    }

    [Test]
    public async Task Outbox_rows_are_handed_to_the_scheduler_only_after_the_commit()
    {
        await using var host = new InfrastructureHost();
        var property = NewProperty(host);
        property.SetCalendar(Channel.Airbnb, "https://airbnb.example/a.ics", 30);

        await SaveAsync(host, property);

        var row = await host.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        host.Scheduler.Scheduled.Should().ContainSingle().Which.Id.Should().Be(row.Id);
    }

    [Test]
    public async Task Concurrent_changes_to_one_aggregate_are_detected()
    {
        await using var host = new InfrastructureHost();
        var property = NewProperty(host);
        await SaveAsync(host, property);

        await using var first = host.NewScope();
        await using var second = host.NewScope();
        var a = await first.Db.Properties.SingleAsync(p => p.Id == property.Id);
        var b = await second.Db.Properties.SingleAsync(p => p.Id == property.Id);
        a.Update(a.Details with { Name = "A" }, PropertySettings.Default);
        b.Update(b.Details with { Name = "B" }, PropertySettings.Default);
        await first.Db.SaveChangesAsync();

        var save = () => second.Db.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
    }

    public sealed class AddsAnAirbnbCalendar(KasifyDbContext db) : IConsumer<PropertyCreated>
    {
        public Task Consume(ConsumeContext<PropertyCreated> context)
        {
            var property = db.Properties.Local.Single(p => p.Id == context.Message.PropertyId);
            if (property.Name == "Needs calendar") property.SetCalendar(Channel.Airbnb, "https://airbnb.example/x.ics", 30);
            return Task.CompletedTask;
        }
    }

    public sealed class RefusesForbiddenNames : IConsumer<PropertyCreated>
    {
        public Task Consume(ConsumeContext<PropertyCreated> context) =>
            context.Message.Name == "Forbidden" ? throw new InvalidOperationException("Name refused by a consumer.") : Task.CompletedTask;
    }
}
