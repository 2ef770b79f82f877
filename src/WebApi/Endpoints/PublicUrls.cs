using Kasify.Application.Common;

namespace Kasify.WebApi.Endpoints;

/// <summary>Absolute URLs from <c>PublicBaseUrl</c> when set (behind a proxy), else from the request's host.</summary>
internal sealed class PublicUrls(IHttpContextAccessor http, IConfiguration configuration) : IPublicUrls
{
    private string BaseUrl
    {
        get
        {
            if (configuration["PublicBaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
            var request = http.HttpContext?.Request;
            return request is null ? "" : $"{request.Scheme}://{request.Host}";
        }
    }

    public string File(Guid fileId) => $"{BaseUrl}/files/{fileId}";

    public string CalendarExport(Guid propertyId, string token) =>
        $"{BaseUrl}/properties/{propertyId}/calendar.ics?token={Uri.EscapeDataString(token)}";

    public string PublicTask(string token) => $"{BaseUrl}/public/tasks/{Uri.EscapeDataString(token)}";
}
