using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Tests.Security;

public class CrmPrincipalTests
{
    [Fact]
    public void WithChannel_ShouldKeepIdentityAndChangeChannel()
    {
        var user = new CrmPrincipal("u-42", "Anna", ["sales", "admin"], CrmChannel.Rest);

        var viaWorkflow = user.WithChannel(CrmChannel.Workflow);

        viaWorkflow.ShouldNotBeSameAs(user);
        viaWorkflow.UserId.ShouldBe("u-42");
        viaWorkflow.DisplayName.ShouldBe("Anna");
        viaWorkflow.Roles.ShouldBe(["sales", "admin"]);
        viaWorkflow.Channel.ShouldBe(CrmChannel.Workflow);
    }

    [Fact]
    public void WithChannel_ShouldLeaveOriginalUnchanged()
    {
        var user = new CrmPrincipal("u-42", "Anna", [], CrmChannel.Rest);

        _ = user.WithChannel(CrmChannel.Cli);

        user.Channel.ShouldBe(CrmChannel.Rest);
    }

    [Fact]
    public void System_ShouldBeSystemUserOnSystemChannel()
    {
        CrmPrincipal.System.UserId.ShouldBe("system");
        CrmPrincipal.System.Channel.ShouldBe(CrmChannel.System);
        CrmPrincipal.System.Roles.ShouldContain("system");
    }

    [Fact]
    public void Constructor_ShouldUseUserIdAsDisplayName_WhenDisplayNameIsNull()
    {
        var principal = new CrmPrincipal("u-1", null!, null!, CrmChannel.Plugin);

        principal.DisplayName.ShouldBe("u-1");
        principal.Roles.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_ShouldThrow_WhenUserIdIsBlank(string userId)
    {
        Should.Throw<ArgumentException>(() => new CrmPrincipal(userId, "Anna", [], CrmChannel.Rest));
    }

    [Fact]
    public void ToString_ShouldNameUserAndChannel()
    {
        new CrmPrincipal("u-42", "Anna", [], CrmChannel.Cli).ToString().ShouldBe("u-42 via Cli");
    }
}
