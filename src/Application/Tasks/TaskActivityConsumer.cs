using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Tasks;
using MassTransit;

namespace Kasify.Application.Tasks;

/// <summary>Task events → activity rows (<c>task.created</c>, <c>task.assigned</c>, <c>task.started</c>, …).</summary>
public sealed class TaskActivityConsumer(IKasifyDb db, ActivityLog log)
    : IConsumer<TaskCreated>, IConsumer<TaskAssigned>, IConsumer<TaskStarted>, IConsumer<TaskCompleted>, IConsumer<TaskCancelled>, IConsumer<TaskReopened>
{
    public Task Consume(ConsumeContext<TaskCreated> context) =>
        WriteAsync("task.created", $"{Describe(context.Message.TaskType)} task created", context.Message.TaskId, context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskAssigned> context) =>
        WriteAsync("task.assigned", context.Message.AssignedTo is null ? "Task unassigned" : "Task assigned", context.Message.TaskId, context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskStarted> context) =>
        WriteAsync("task.started", "Task started", context.Message.TaskId, context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCompleted> context) =>
        WriteAsync("task.completed", "Task completed", context.Message.TaskId, context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCancelled> context) =>
        WriteAsync("task.cancelled", "Task cancelled", context.Message.TaskId, context.Message.PropertyId, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskReopened> context) =>
        WriteAsync("task.reopened", "Task reopened", context.Message.TaskId, context.Message.PropertyId, context.CancellationToken);

    private async Task WriteAsync(string kind, string summary, Guid taskId, Guid propertyId, CancellationToken ct)
    {
        var property = await db.Properties.FindAsync([propertyId], ct);
        await log.WriteAsync(kind, summary, "task", taskId, propertyId, property?.Name, ct);
    }

    private static string Describe(TaskType type) => type switch
    {
        TaskType.Cleaning => "Cleaning",
        TaskType.Maintenance => "Maintenance",
        TaskType.Pool => "Pool",
        TaskType.Gardening => "Gardening",
        _ => "Other",
    };
}
