namespace Kasify.Domain.Properties;

public enum Channel { Airbnb, Booking, Vrbo, Direct, Other }

public static class ChannelNames
{
    private static readonly Dictionary<Channel, string> Lower = Enum.GetValues<Channel>().ToDictionary(c => c, c => c.ToString().ToLowerInvariant());

    /// <summary>The channel as the API and the texts shown to hosts spell it ("airbnb"), built once per value.</summary>
    public static string LowerName(this Channel channel) => Lower[channel];
}
