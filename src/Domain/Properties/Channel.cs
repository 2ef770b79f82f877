namespace Kasify.Domain.Properties;

public enum Channel { Airbnb, Booking, Vrbo, Direct, Other }
