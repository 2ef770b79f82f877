namespace Kasify.Application.Common;

/// <summary>Absolute URLs of our public endpoints (files, calendar export), as clients must call them.</summary>
public interface IPublicUrls
{
    string File(Guid fileId);
    string CalendarExport(Guid propertyId, string token);
    string PublicTask(string token);
}
