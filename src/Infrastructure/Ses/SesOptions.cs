namespace Kasify.Infrastructure.Ses;

/// <summary>Configuration section <c>Ses</c>.</summary>
internal sealed class SesOptions
{
    public const string SectionName = "Ses";

    public string ProductionUrl { get; set; } = "https://hospedajes.ses.mir.es/hospedajes-web/ws/v1/comunicacion";

    public string TestUrl { get; set; } = "https://hospedajes.pre-ses.mir.es/hospedajes-web/ws/v1/comunicacion";

    public int TimeoutSeconds { get; set; } = 30;
}
