namespace Kasify.Application.Ses;

public enum SesEnvironment
{
    Test,
    Production,
}
