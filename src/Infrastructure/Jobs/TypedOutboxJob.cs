using System.Text.Json;
using Kasify.Application.Jobs;

namespace Kasify.Infrastructure.Jobs;

/// <summary>
/// Runs an <see cref="IOutboxJobHandler{TPayload}"/> as a job: the row's payload is read here, once, with the same JSON
/// settings the outbox wrote it with, so a handler never parses.
/// </summary>
internal sealed class TypedOutboxJob<TPayload>(IOutboxJobHandler<TPayload> handler) : IOutboxJobHandler where TPayload : class
{
    public string Kind => handler.Kind;

    public Task HandleAsync(string payload, CancellationToken ct) =>
        handler.HandleAsync(JsonSerializer.Deserialize<TPayload>(payload) ?? throw new PermanentJobFailureException("Empty payload."), ct);
}

internal static class TypedOutboxJob
{
    /// <summary>The payload type of a typed handler class, or null when it reads its payload text itself.</summary>
    public static Type? PayloadTypeOf(Type handlerType) =>
        handlerType.GetInterfaces()
            .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOutboxJobHandler<>))
            ?.GetGenericArguments()[0];

    public static IOutboxJobHandler Wrap(object handler, Type payloadType) =>
        (IOutboxJobHandler)Activator.CreateInstance(typeof(TypedOutboxJob<>).MakeGenericType(payloadType), handler)!;
}
