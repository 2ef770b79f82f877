using System.Net;
using Kasify.Application.Tasks.Cleaning;
using Kasify.Domain.Bookings;
using Kasify.Domain.Tasks;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.Tasks;

/// <summary>
/// Property in Europe/Madrid (UTC+2 in summer), check-in 16:00, check-out 11:00. The fixture's clock only moves forward,
/// so each test counts its days from tomorrow: <c>Day(5)</c> is five days after that.
/// </summary>
public sealed class CleaningAutomationTests : ApiFixture
{
    private DateOnly _tomorrow;

    [SetUp]
    public void CountDaysFromTomorrow() => _tomorrow = DateOnly.FromDateTime(Api.Clock.GetUtcNow().UtcDateTime).AddDays(1);

    private DateOnly Day(int offset) => _tomorrow.AddDays(offset);
    private DateTime Utc(int offset, int hour) => Day(offset).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private Task<List<PropertyTask>> CleaningTasksAsync(Guid bookingId) =>
        Api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.BookingId == bookingId && t.TaskType == TaskType.Cleaning).ToListAsync());

    private async Task<PropertyTask> OnlyTaskAsync(Guid bookingId)
    {
        var tasks = await CleaningTasksAsync(bookingId);
        tasks.Should().ContainSingle("a booking has exactly one cleaning task");
        return tasks[0];
    }

    private Task<int> SweepAsync() => Api.WithDbAsync(async _ =>
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CleaningTaskSweep>().RunAsync(CancellationToken.None);
    });

    [Test]
    public async Task A_confirmed_booking_gets_one_cleaning_task_from_check_out_for_four_hours_assigned_to_the_default_cleaner()
    {
        var owner = await RegisterAsync();
        var cleaner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        await owner.JoinAsync(propertyId, cleaner, "staff", "cleaning");
        await (await owner.Client.PutJsonAsync($"/properties/{propertyId}", new
        {
            name = "Casa Azul", address = "Calle Mayor 1", city = "Madrid", zip_code = "28013", default_cleaner_id = cleaner.Id,
        })).ShouldBeAsync(HttpStatusCode.OK);

        var bookingId = (await Api.AddBookingAsync(propertyId, Day(5), Day(8))).Id;

        var task = await OnlyTaskAsync(bookingId);
        task.From.Should().Be(Utc(8, 9));
        task.To.Should().Be(Utc(8, 13));
        task.AssignedTo.Should().Be(cleaner.Id);
        task.Status.Should().Be(WorkTaskStatus.Pending);
        var blocked = (await Api.AddBookingAsync(propertyId, Day(20), Day(22), status: BookingStatus.Blocked)).Id;
        (await CleaningTasksAsync(blocked)).Should().BeEmpty("a blocked period is nobody's stay");

        var duplicate = new { property_id = propertyId, task_type = "cleaning", booking_id = bookingId, from = Utc(8, 9), to = Utc(8, 12) };
        await (await owner.Client.PostJsonAsync("/tasks", duplicate)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.Client.PostJsonAsync("/tasks", duplicate with { task_type = "maintenance" })).ShouldBeAsync(HttpStatusCode.Created);
        await Api.ChangeBookingAsync(bookingId, b => b.Block());
        (await OnlyTaskAsync(bookingId)).Status.Should().Be(WorkTaskStatus.Cancelled, "a stay turned into a block is no stay to clean after");
    }

    [Test]
    public async Task Without_a_default_cleaner_the_owner_gets_it_and_the_task_ends_at_the_next_check_in_within_seven_days()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());

        var first = (await Api.AddBookingAsync(propertyId, Day(5), Day(8), imported: true)).Id;
        (await OnlyTaskAsync(first)).AssignedTo.Should().Be(owner.Id);

        var next = (await Api.AddBookingAsync(propertyId, Day(10), Day(12))).Id;
        (await OnlyTaskAsync(first)).To.Should().Be(Utc(10, 14), "the next stay starts within 7 days");

        await Api.MoveStayAsync(next, Day(9), Day(12));
        (await OnlyTaskAsync(first)).To.Should().Be(Utc(9, 14), "the neighbour moved");

        await Api.MoveStayAsync(next, Day(20), Day(22));
        (await OnlyTaskAsync(first)).To.Should().Be(Utc(8, 13), "the neighbour is now more than 7 days away");

        await Api.MoveStayAsync(next, Day(9), Day(12));
        await Api.ChangeBookingAsync(next, b => b.Cancel(Api.Clock.GetUtcNow().UtcDateTime));
        (await OnlyTaskAsync(first)).To.Should().Be(Utc(8, 13), "the neighbour went");
        (await OnlyTaskAsync(next)).Status.Should().Be(WorkTaskStatus.Cancelled);
    }

    [Test]
    public async Task Import_date_change_cancellation_reconfirmation_and_check_out_keep_exactly_one_task_per_booking()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());

        var bookingId = (await Api.AddBookingAsync(propertyId, Day(5), Day(8), imported: true)).Id;
        var original = await OnlyTaskAsync(bookingId);

        await Api.MoveStayAsync(bookingId, Day(6), Day(9));
        var moved = await OnlyTaskAsync(bookingId);
        moved.Id.Should().Be(original.Id);
        moved.From.Should().Be(Utc(9, 9));

        await Api.ChangeBookingAsync(bookingId, b => b.Cancel(Api.Clock.GetUtcNow().UtcDateTime));
        (await OnlyTaskAsync(bookingId)).Status.Should().Be(WorkTaskStatus.Cancelled);

        await Api.ChangeBookingAsync(bookingId, b => b.Confirm());
        var reopened = await OnlyTaskAsync(bookingId);
        reopened.Id.Should().Be(original.Id, "the task reopens; no second one");
        reopened.Status.Should().Be(WorkTaskStatus.Pending);
        reopened.CancelledAt.Should().BeNull();

        await Api.RunDueJobsAsync();
        Api.Clock.Advance(Utc(8, 9) + TimeSpan.FromMinutes(5) - Api.Clock.GetUtcNow().UtcDateTime);
        await Api.RunDueJobsAsync();
        (await DueActivitiesAsync(reopened.Id)).Should().Be(0, "the stay moved to check out on the 9th");

        Api.Clock.Advance(TimeSpan.FromDays(1));
        await Api.RunDueJobsAsync();
        await Api.RunDueJobsAsync();
        await SweepAsync();
        (await DueActivitiesAsync(reopened.Id)).Should().Be(1);
        (await OnlyTaskAsync(bookingId)).DueRecordedAt.Should().NotBeNull();
        (await Api.WithDbAsync(db => db.Tasks.CountAsync(t => t.PropertyId == propertyId))).Should().Be(1);
    }

    [Test]
    public async Task The_sweep_and_the_check_out_job_repair_a_missing_task_once()
    {
        var owner = await RegisterAsync();
        var propertyId = await owner.CreatePropertyAsync(PropertyRequests.Minimal());
        var future = (await Api.AddBookingAsync(propertyId, Day(20), Day(23))).Id;
        var soon = (await Api.AddBookingAsync(propertyId, Day(2), Day(4))).Id;
        await Api.WithDbAsync(db => db.Tasks.Where(t => t.PropertyId == propertyId).ExecuteDeleteAsync());

        (await SweepAsync()).Should().BeGreaterThanOrEqualTo(2);
        await SweepAsync();
        (await OnlyTaskAsync(future)).From.Should().Be(Utc(23, 9));

        await Api.WithDbAsync(db => db.Tasks.Where(t => t.BookingId == soon).ExecuteDeleteAsync());
        Api.Clock.Advance(Utc(4, 10) - Api.Clock.GetUtcNow().UtcDateTime);
        await Api.RunDueJobsAsync();
        var repaired = await OnlyTaskAsync(soon);
        (await DueActivitiesAsync(repaired.Id)).Should().Be(1);
        await SweepAsync();
        await Api.RunDueJobsAsync();
        (await CleaningTasksAsync(soon)).Should().ContainSingle();
        (await DueActivitiesAsync(repaired.Id)).Should().Be(1);
    }

    private Task<int> DueActivitiesAsync(Guid taskId) =>
        Api.WithDbAsync(db => db.Activities.CountAsync(a => a.Kind == "task.due" && a.SubjectId == taskId));
}
