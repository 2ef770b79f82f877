using System.Net;
using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Bookings;

public static class BookingSteps
{
    /// <summary>The published <c>Booking</c> keys, in order (docs/api.md §5).</summary>
    public static readonly string[] BookingKeys =
    [
        "id", "property_id", "from", "to", "channel", "channel_id", "checkin_code", "status", "created_at", "payment_type", "notes",
        "guest_first_name", "guest_last_name", "guest_email", "guest_phone", "adults_count", "children_count", "infants_count",
        "special_requests", "arrival_time", "departure_time", "checkin_time", "checkout_time", "checkin_completed_at", "last_sync_at",
        "ses_submitted_at", "ses_batch_id", "ses_last_attempt_at", "ses_last_error", "access_codes", "cleaning_task_id", "ses",
    ];

    public static object Guest(string from, string to, object? extra = null) => new
    {
        from,
        to,
        guest_first_name = "Lucía",
        guest_last_name = "Martín",
        guest_email = "lucia@example.test",
        guest_phone = "+34600111222",
        adults_count = 2,
        children_count = 1,
        notes = "Late arrival",
        special_requests = "Crib",
        payment_type = "TARJT",
    };

    public static async Task<JsonObject> BookAsync(this TestUser user, Guid propertyId, object body) =>
        await (await user.Client.PostJsonAsync($"/properties/{propertyId}/bookings", body)).ShouldBeAsync(HttpStatusCode.Created);

    public static Task<JsonObject> BookAsync(this TestUser user, Guid propertyId, string from, string to) =>
        user.BookAsync(propertyId, Guest(from, to));

    public static async Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body) =>
        await client.PatchAsync(url, new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonArray> ItemsAsync(this HttpClient client, string url, string plural) =>
        (await client.GetObjectAsync(url))[plural]!.AsArray();
}
