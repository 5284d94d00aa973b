using CrmKit.Sdk.Integrations;

namespace CrmKit.Sdk.Tests.Integrations;

public class RegistryCompanyStatusesTests
{
    [Theory]
    [InlineData("LIQUIDATING")]
    [InlineData("LIQUIDATED")]
    [InlineData("BANKRUPT")]
    [InlineData("bankrupt")]
    public void IsWindingDown_ShouldFlag_StoppingCompanies(string status)
    {
        RegistryCompanyStatuses.IsWindingDown(status).ShouldBeTrue();
    }

    [Theory]
    [InlineData("ACTIVE")]
    [InlineData("REORGANIZING")]
    [InlineData("SOMETHING_NEW")]
    [InlineData("")]
    [InlineData(null)]
    public void IsWindingDown_ShouldNotFlag_OperatingOrUnknownStatuses(string? status)
    {
        RegistryCompanyStatuses.IsWindingDown(status).ShouldBeFalse();
    }
}
