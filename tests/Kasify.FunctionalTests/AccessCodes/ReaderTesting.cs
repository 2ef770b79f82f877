using System.Security.Claims;
using Kasify.Application.AccessCodes;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.WebApi.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>Calls <see cref="AccessCodeReader"/> as the booking response will, on behalf of a signed-in user.</summary>
public static class ReaderTesting
{
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<AccessCodeResponse>>> ReadAsAsync(KasifyApiFactory api, string subject, Guid bookingId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(KasifyClaims.Subject, subject), new Claim(KasifyClaims.Issuer, TestTokens.Issuer)], "test")),
        };
        return await scope.ServiceProvider.GetRequiredService<AccessCodeReader>().ForBookingsAsync([bookingId], CancellationToken.None);
    }
}
