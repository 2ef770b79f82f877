using System.Net;
using Kasify.FunctionalTests.Infrastructure;

namespace Kasify.FunctionalTests.Properties;

public static class PropertySteps
{
    /// <summary>Creates a property over HTTP (<see cref="PropertyRequests.Full"/> unless told otherwise) and returns its id.</summary>
    public static async Task<Guid> CreatePropertyAsync(this TestUser owner, object? body = null)
    {
        var created = await (await owner.Client.PostJsonAsync("/properties", body ?? PropertyRequests.Full())).ShouldBeAsync(HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.ToString());
    }
}
