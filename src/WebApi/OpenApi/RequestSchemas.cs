using Microsoft.OpenApi;

namespace Kasify.WebApi.OpenApi;

/// <summary>
/// The generator marks every constructor parameter of a body record as required, but the API reads a missing
/// field as null (and a PATCH as "keep"). For schemas only ever sent by clients, <c>required</c> lists just the
/// fields the server insists on (the contract's required fields, docs/api.md); everything else is optional in a generated client.
/// </summary>
internal static class RequestSchemas
{
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["PropertyRequest"] = ["name", "address", "city", "zip_code"],
        ["GuestRegistration"] = ["first_name", "last_name", "nationality_country_code", "date_of_birth", "sex"],
        ["NewTaskRequest"] = ["property_id", "task_type", "from", "to"],
        ["AddSmartLockRequest"] = ["integration_id", "external_id"],
        ["SesIntegrationRequest"] = ["landlord_code", "username", "password", "environment"],
        ["InvitationRequest"] = ["accessLevel"],
        ["CreateTokenRequest"] = ["name"],
        ["CalendarRequest"] = ["channel", "url"],
    };

    /// <summary>Computed members the serializer lists but the server never reads from a body.</summary>
    private static readonly Dictionary<string, string[]> NotRead = new(StringComparer.Ordinal)
    {
        ["TaskChange"] = ["only_job_report"],
    };

    public static void Apply(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null || document.Paths is null) return;
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).ToList();

        var sent = Reachable(schemas, operations.SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema));
        var received = Reachable(schemas, operations.SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values ?? []).Select(m => m.Schema));

        foreach (var id in sent.Except(received))
            if (schemas[id] is OpenApiSchema schema && schema.Properties is { Count: > 0 })
            {
                foreach (var computed in NotRead.GetValueOrDefault(id, [])) schema.Properties.Remove(computed);
                schema.Required = new HashSet<string>(Required.GetValueOrDefault(id, []).Where(schema.Properties.ContainsKey));
            }
    }

    private static HashSet<string> Reachable(IDictionary<string, IOpenApiSchema> schemas, IEnumerable<IOpenApiSchema?> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema?>(roots);
        while (pending.TryPop(out var schema))
        {
            if (schema is null) continue;
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (seen.Add(id) && schemas.TryGetValue(id, out var target)) pending.Push(target);
                continue;
            }
            foreach (var child in Children(schema)) pending.Push(child);
        }
        return seen;
    }

    private static IEnumerable<IOpenApiSchema?> Children(IOpenApiSchema schema) =>
        (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
            .Append(schema.Items).Append(schema.AdditionalProperties);
}
