using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;
using Kasify.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Tasks;

/// <summary>Body of <c>POST /tasks</c>.</summary>
public sealed record NewTaskRequest(Guid? PropertyId, string? TaskType, DateTime? From, DateTime? To, Guid? BookingId, Guid? AssignedTo, string? Notes)
    : IPropertyRequest;

/// <summary>Owner or manager. A booking has at most one task of each type (its cleaning task is usually made by automation).</summary>
[PropertyScope(AccessLevel.Owner, AccessLevel.Manager, AccessLevel.Staff, AccessLevel.Contractor)]
public sealed class CreateTaskHandler(IKasifyDb db, UseCaseCaller caller, PropertyAccess access, TaskReader reader, TimeProvider time)
{
    public async Task<TaskResponse> HandleAsync(NewTaskRequest request, CancellationToken ct)
    {
        var propertyId = request.PropertyId!.Value; // required and authorised by the pipeline
        PropertyAccess.RequireMayManageTasks(caller.RoleOn(propertyId));

        var v = new Validation();
        TaskType? type = null;
        if (request.TaskType is null) v.Add("task_type", "task_type is required.");
        else type = ValidTaskFilters.ParseEnum<TaskType>(v, "task_type", request.TaskType, "cleaning, maintenance, pool, gardening or other");
        if (request.From is null) v.Add("from", "from is required.");
        if (request.To is null) v.Add("to", "to is required.");
        SaneDates.Check(v, "from", request.From);
        SaneDates.Check(v, "to", request.To);
        if (request.From is { } f && request.To is { } t && f >= t) v.Add("to", "to must be after from.");
        var notes = v.Optional("notes", request.Notes, 2000);
        if (request.BookingId is { } bookingId && !await db.Bookings.AnyAsync(b => b.Id == bookingId && b.PropertyId == propertyId, ct))
            v.Add("booking_id", "booking_id must be a booking of this property.");
        if (request.AssignedTo is { } assignee && !await access.IsOwnerOrMemberAsync(propertyId, assignee, ct))
            v.Add("assigned_to", "assigned_to must be a member of the property or its owner.");
        v.ThrowIfInvalid();

        if (request.BookingId is { } booking && await db.Tasks.AnyAsync(x => x.BookingId == booking && x.TaskType == type, ct))
            throw new ConflictException($"This booking already has a {type.ToString()!.ToLowerInvariant()} task.");

        var task = PropertyTask.Create(propertyId, type!.Value, request.From!.Value, request.To!.Value, request.BookingId, request.AssignedTo,
            notes, time.GetUtcNow().UtcDateTime);
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        return await reader.ReadOneAsync(task, TaskView.Full, ct);
    }
}
