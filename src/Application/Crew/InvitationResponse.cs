using System.Text.Json.Serialization;
using Kasify.Domain.Crew;

namespace Kasify.Application.Crew;

/// <summary><c>PropertyInvitation</c> (docs/api.md §11), published in camelCase; <c>service</c> is our additive field. Mapped by Mapster (<see cref="Common.MappingConfig"/>).</summary>
public sealed record InvitationResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("propertyId")] Guid PropertyId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("uses")] int Uses,
    [property: JsonPropertyName("maxUses")] int MaxUses,
    [property: JsonPropertyName("createdAt")] DateTime CreatedAt,
    [property: JsonPropertyName("expiresAt")] DateTime ExpiresAt,
    [property: JsonPropertyName("acceptedAt")] DateTime? AcceptedAt,
    [property: JsonPropertyName("accessLevel")] AccessLevel AccessLevel,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("service")] CrewService? Service);

/// <summary>The body of <c>POST /properties/{id}/invitations</c>, camelCase like the invitation.</summary>
public sealed record InvitationRequest(
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("maxUses")] int? MaxUses,
    [property: JsonPropertyName("expiresAt")] DateTime? ExpiresAt,
    [property: JsonPropertyName("accessLevel")] AccessLevel? AccessLevel,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("service")] CrewService? Service);

/// <summary>The answer of <c>POST /invitations/{token}/accept</c>, camelCase like the invitation.</summary>
public sealed record InvitationAccepted(
    [property: JsonPropertyName("propertyId")] Guid PropertyId,
    [property: JsonPropertyName("propertyName")] string PropertyName);
