using Kasify.Application.Common;

namespace Kasify.UnitTests.Persistence;

public sealed class MappingConfigTests
{
    [Test]
    public void The_mapping_configuration_compiles_with_every_destination_member_mapped()
    {
        var config = MappingConfig.Create();

        var act = () => config.Compile();

        act.Should().NotThrow();
    }
}
