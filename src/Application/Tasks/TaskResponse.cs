using Kasify.Domain.Tasks;

namespace Kasify.Application.Tasks;

/// <summary>
/// <c>Task</c> (docs/api.md §13). A stripped view (staff looking at someone else's task, §2) carries only
/// <c>id, from, to, property</c>; every other field is null.
/// </summary>
public sealed record TaskResponse(
    Guid Id,
    TaskPropertyRef Property,
    TaskType? TaskType,
    WorkTaskStatus? Status,
    Guid? AssignedTo,
    string? AssignedToName,
    DateTime From,
    DateTime To,
    DateTime? CreatedAt,
    Guid? BookingId,
    string? Notes,
    string? JobReport,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    DateTime? CancelledAt,
    string? PublicToken,
    string? PublicUrl,
    NextBookingResponse? NextBooking);

public sealed record TaskPropertyRef(Guid Id, string Name);

/// <summary>What a cleaner needs to know of the next stay: dates and head count, never who.</summary>
public sealed record NextBookingResponse(DateOnly From, DateOnly To, int GuestsNumber, bool HasMinors);

public sealed record TasksPage(IReadOnlyList<TaskResponse> Tasks, int Page, int Size, int Total);

/// <summary>The public task view (<c>GET /public/tasks/{token}</c>): no ids, no guest data, no owner-only fields.</summary>
public sealed record PublicTaskResponse(
    TaskType TaskType,
    WorkTaskStatus Status,
    DateTime From,
    DateTime To,
    PublicTaskProperty Property,
    string? Notes,
    NextBookingResponse? NextBooking);

public sealed record PublicTaskProperty(string Name, string Address, string City, string ZipCode);
