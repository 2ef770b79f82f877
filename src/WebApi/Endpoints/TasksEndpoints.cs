using Kasify.Application.Tasks;
using Kasify.WebApi.OpenApi;
using Kasify.WebApi.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.WebApi.Endpoints;

/// <summary>Tasks (docs/api.md §13), plus the public task view.</summary>
public static class TasksEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tasks").WithTags(ApiTags.Tasks).RequireAuthorization();

        group.MapGet("/", async Task<Ok<TasksPage>> ([AsParameters] TaskQuery query, ListTasksHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(query.ToFilters(query.PropertyId), ct))).WithName("ListTasks").WithSummary("List tasks");

        group.MapPost("/", async Task<Created<TaskResponse>> (NewTaskRequest request, CreateTaskHandler handler, CancellationToken ct) =>
        {
            var task = await handler.HandleAsync(request, ct);
            return TypedResults.Created($"/tasks/{task.Id}", task);
        }).WithName("CreateTask").WithSummary("Create a task");

        group.MapGet("/{id:guid}", async Task<Ok<TaskResponse>> (Guid id, GetTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("GetTask").WithSummary("Get a task by id");

        group.MapPatch("/{id:guid}", async Task<Ok<TaskResponse>> (Guid id, TaskChange change, UpdateTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, change, ct))).WithName("UpdateTask").WithSummary("Update a task");

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, DeleteTaskHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteTask").WithSummary("Delete a task");

        group.MapPost("/{id:guid}/start", async Task<Ok<TaskResponse>> (Guid id, StartTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct))).WithName("StartTask").WithSummary("Start a task").ProducesProblem(409);

        group.MapPost("/{id:guid}/complete", async Task<Ok<TaskResponse>> (Guid id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TaskCompletion? completion,
            CompleteTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, completion, ct))).WithName("CompleteTask").WithSummary("Complete a task").ProducesProblem(409);

        app.MapGet("/properties/{id:guid}/tasks", async Task<Ok<TasksPage>> (Guid id, [AsParameters] TaskQuery query, ListTasksHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(query.ToFilters(id), ct))).WithName("ListPropertyTasks").WithSummary("List tasks for a property").WithTags(ApiTags.Tasks).RequireAuthorization();

        app.MapGet("/public/tasks/{token}", async Task<Ok<PublicTaskResponse>> (string token, GetPublicTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(token, ct))).WithName("GetPublicTask").WithSummary("Get a task by public token (no auth)").WithTags(ApiTags.Tasks)
            .AllowAnonymous().RequireRateLimiting(RateLimits.PublicTask);
    }

    /// <summary>The snake_case query of the task lists.</summary>
    private sealed record TaskQuery(
        [property: FromQuery(Name = "property_id")] Guid? PropertyId,
        [property: FromQuery(Name = "assigned_to")] Guid? AssignedTo,
        [property: FromQuery(Name = "status")] string? Status,
        [property: FromQuery(Name = "task_type")] string? TaskType,
        [property: FromQuery(Name = "scheduled_from")] string? ScheduledFrom,
        [property: FromQuery(Name = "scheduled_to")] string? ScheduledTo,
        [property: FromQuery(Name = "include_cancelled")] bool? IncludeCancelled,
        [property: FromQuery(Name = "page")] int? Page,
        [property: FromQuery(Name = "size")] int? Size)
    {
        public TaskFilters ToFilters(Guid? propertyId) =>
            new(propertyId, AssignedTo, Status, TaskType, ScheduledFrom, ScheduledTo, IncludeCancelled, Page, Size);
    }
}
