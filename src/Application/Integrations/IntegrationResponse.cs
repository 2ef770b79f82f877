using System.Text.Json;
using Kasify.Domain.Integrations;

namespace Kasify.Application.Integrations;

/// <summary><c>Integration</c> (docs/api.md §12). Credentials are write-only and never part of it.</summary>
public sealed record IntegrationResponse(
    Guid Id,
    string Type,
    string Name,
    IntegrationStatus Status,
    DateTime? LastCheckedAt,
    string? LastError,
    DateTime CreatedAt,
    JsonElement Settings,
    int LocksCount);
