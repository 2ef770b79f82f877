using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.WebApi.OpenApi;

/// <summary>
/// Describes path and query parameters by name, so every endpoint with the same parameter reads the same.
/// An endpoint may describe its own with <c>[Description]</c> on the handler parameter; that wins.
/// </summary>
internal static class ParameterDocs
{
    /// <summary>What an <c>{id}</c> names, by the path segment before it.</summary>
    private static readonly Dictionary<string, string> Ids = new(StringComparer.OrdinalIgnoreCase)
    {
        ["properties"] = "Property id.",
        ["bookings"] = "Booking id.",
        ["tasks"] = "Task id.",
        ["tokens"] = "Personal access token id.",
        ["files"] = "File id (from `FileResponse.url`).",
        ["integrations"] = "Integration id.",
        ["nuki"] = "Integration id.",
        ["unifi"] = "Integration id.",
        ["ses"] = "Integration id.",
    };

    private static readonly Dictionary<string, string> Path = new(StringComparer.Ordinal)
    {
        ["propertyId"] = "Property id.",
        ["bookingId"] = "Booking id.",
        ["codeId"] = "Access code id.",
        ["invitationId"] = "Invitation id.",
        ["userId"] = "User id of the crew member.",
        ["lockId"] = "Smart lock id (ours, not the vendor's).",
        ["guestId"] = "Registered guest id.",
        ["code"] = "The booking's public check-in code, from the guest's link.",
        ["type"] = "Integration type.",
    };

    private static readonly Dictionary<string, string> Tokens = new(StringComparer.Ordinal)
    {
        ["/invitations/{token}/accept"] = "The invitation's token, from the invitation link.",
        ["/public/tasks/{token}"] = "The task's public token, from `Task.public_url`.",
    };

    private static readonly Dictionary<string, string> Query = new(StringComparer.Ordinal)
    {
        ["page"] = "Zero-based page number; default 0.",
        ["size"] = "Page size, 1 to 100; default 20.",
        ["from"] = "First day to include (YYYY-MM-DD).",
        ["to"] = "Last day to include (YYYY-MM-DD).",
        ["channel"] = "Only bookings from this channel (airbnb, booking, vrbo, direct, other).",
        ["query"] = "Free text matched against guest names, email, phone, notes and the channel's reservation id.",
        ["status"] = "Only items in this status.",
        ["sortBy"] = "Sort by check-in or check-out day; default CHECKIN.",
        ["sortDescending"] = "Newest first when true; default false.",
        ["propertyId"] = "Only this property's items.",
        ["property_id"] = "Only this property's items.",
        ["booking_id"] = "Only this booking's items.",
        ["assigned_to"] = "Only tasks assigned to this user id.",
        ["task_type"] = "Only tasks of this type (cleaning, maintenance, pool, gardening, other).",
        ["scheduled_from"] = "Only tasks ending on or after this moment (ISO-8601 date, or UTC timestamp).",
        ["scheduled_to"] = "Only tasks starting on or before this moment (ISO-8601 date, or UTC timestamp).",
        ["include_cancelled"] = "Include cancelled tasks; default false.",
        ["days"] = "How many days ahead, 1 to 60; default 7.",
        ["q"] = "Search text; accent- and case-insensitive. Leave out for all.",
        ["lang"] = "Language of the names; default en.",
        ["country"] = "ISO 3166-1 alpha-2 country code; only ES has provinces.",
        ["province_id"] = "Only municipalities of this province (id from /geo/provinces).",
        ["token"] = "The property's secret export token, from `Property.ical_export_url`.",
    };

    private static readonly Dictionary<string, string[]> Enums = new(StringComparer.Ordinal)
    {
        ["sortBy"] = ["CHECKIN", "CHECKOUT"],
        ["lang"] = ["en", "es"],
        ["type"] = ["nuki", "unifi", "ses"],
    };

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var route = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name && char.IsUpper(name[0]))
                parameter.Name = char.ToLowerInvariant(name[0]) + name[1..]; // record properties bound by [AsParameters]; binding ignores case
            parameter.Description ??= Describe(parameter, route);
            if (parameter.Schema is OpenApiSchema schema && schema.Enum is null or { Count: 0 } && Enums.TryGetValue(parameter.Name!, out var values))
                schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }
        return Task.CompletedTask;
    }

    private static string? Describe(OpenApiParameter parameter, string route)
    {
        var name = parameter.Name!;
        if (parameter.In == ParameterLocation.Query) return Query.GetValueOrDefault(name);
        if (name == "token") return Tokens.GetValueOrDefault(route);
        if (name != "id") return Path.GetValueOrDefault(name);
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s.StartsWith("{id", StringComparison.Ordinal));
        return at > 0 ? Ids.GetValueOrDefault(segments[at - 1]) : null;
    }
}
