using System.Text.Json.Nodes;
using Kasify.Application.Accounts;
using Kasify.Application.Bookings;
using Kasify.Application.Checkin;
using Kasify.Application.Crew;
using Kasify.Application.Integrations;
using Kasify.Application.Properties;
using Kasify.Application.SmartLocks;
using Kasify.Application.Tasks;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.WebApi.OpenApi;

/// <summary>
/// Request bodies as a client sees them: an example for each body type, the declared type for bodies read as raw
/// JSON (PATCH keeps which fields were sent), and the file part of multipart uploads.
/// </summary>
internal static class RequestBodies
{
    private const string Json = "application/json";

    /// <summary>One realistic body per request type; the lint checks each against its schema.</summary>
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(UpdateAccountRequest)] = """{"name":"Ana","last_name":"García","phone":"+34600111222","locale":"es","timezone":"Europe/Madrid"}""",
        [typeof(CreateTokenRequest)] = """{"name":"ci","expires_at":"2027-01-01T00:00:00Z"}""",
        [typeof(PropertyRequest)] = """
            {"name":"Casa Azul","address":"Calle Mayor 1","city":"Madrid","zip_code":"28013",
             "airbnb_ical_url":"https://www.airbnb.com/calendar/ical/12345.ics?s=abc","has_internet":true,"rooms_count":2,
             "country":"ES","timezone":"Europe/Madrid","checkin_time":"16:00","checkout_time":"11:00",
             "calendars":[{"channel":"booking","url":"https://admin.booking.com/hotel/hoteladmin/ical.html?t=abc","syncIntervalMinutes":30}]}
            """,
        [typeof(BookingRequest)] = """
            {"from":"2026-07-01","to":"2026-07-05","channel":"direct","guest_first_name":"Lucía","guest_last_name":"Pérez",
             "guest_email":"lucia@example.com","adults_count":2,"children_count":1,"infants_count":0,"payment_type":"TRANS",
             "arrival_time":"18:30","notes":"Late arrival"}
            """,
        [typeof(InvitationRequest)] = """{"email":"marta@example.com","maxUses":1,"expiresAt":"2026-07-08T00:00:00Z","accessLevel":"staff","locale":"es","service":"cleaning"}""",
        [typeof(MemberChange)] = """{"access_level":"contractor","service":"maintenance"}""",
        [typeof(GuestRegistration)] = """
            {"first_name":"Lucía","last_name":"Pérez","second_last_name":"Gómez","nationality_country_code":"ES",
             "date_of_birth":"1990-04-12","sex":"M","document_type":"NIF","document_number":"12345678Z",
             "document_support_number":"ABC123456","residence_address":"Calle Mayor 1","residence_country_code":"ES",
             "residence_province_id":"3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b","residence_city_id":"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
             "residence_postal_code":"28013","phone_prefix":"+34","phone":"600111222","email":"lucia@example.com"}
            """,
        [typeof(SesIntegrationRequest)] = """{"name":"SES","landlord_code":"0000012345","username":"B12345678WS","password":"secret","environment":"test"}""",
        [typeof(SmartLockIntegrationRequest)] = """{"name":"Nuki web","api_token":"nuki-api-token"}""",
        [typeof(AddSmartLockRequest)] = """{"integration_id":"9d2f1c3b-6a4e-4f5d-9b8c-7a6e5d4c3b2a","external_id":"17986123","name":"Front door"}""",
        [typeof(NewTaskRequest)] = """{"property_id":"1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809","task_type":"cleaning","from":"2026-07-05T09:00:00Z","to":"2026-07-05T13:00:00Z","notes":"Change the towels"}""",
        [typeof(TaskChange)] = """{"job_report":"All rooms cleaned, one towel missing."}""",
        [typeof(TaskCompletion)] = """{"job_report":"Done; the dishwasher leaks."}""",
    };

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (operation.RequestBody?.Content is not { } content) return Task.CompletedTask;
        var bodyType = DeclaredBodyType(context);

        if (content.TryGetValue(Json, out var json) && json is OpenApiMediaType media)
        {
            if (bodyType is not null && json.Schema is OpenApiSchemaReference { Reference.Id: "JsonObject" })
                media.Schema = new OpenApiSchemaReference(bodyType.Name, context.Document); // the handler reads raw JSON to see which fields were sent
            if (bodyType is not null && Examples.TryGetValue(bodyType, out var example)) media.Example = JsonNode.Parse(example);
        }

        if (content.TryGetValue("multipart/form-data", out var form) && form is OpenApiMediaType upload)
            upload.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The image: JPEG, PNG or WebP, at most 5 MiB." },
                },
            };
        return Task.CompletedTask;
    }

    /// <summary><c>.Accepts&lt;T&gt;()</c> wins over the handler's body parameter (which may be a raw <c>JsonObject</c>).</summary>
    private static Type? DeclaredBodyType(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType).LastOrDefault(t => t is not null)
        ?? context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
}
