using CrmKit.Core.Security;

namespace CrmKit.Core.Tests.Security;

/// <summary>How several roles combine: the widest scope per operation, the most open access per field.</summary>
public sealed class AccessProfileTests
{
    private static CrmRole Role(string name, string entity, EntityPermissions grant) => new()
    {
        Name = name,
        Entities = new Dictionary<string, EntityPermissions> { [entity] = grant },
    };

    private static Dictionary<string, FieldAccess> Fields(params (string Name, FieldAccess Access)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Access);

    [Fact]
    public void Roles_ShouldCombineToTheWidestScopes_AndTheMostOpenFieldAccess()
    {
        var seller = Role("seller", "deal", new EntityPermissions
        {
            Read = AccessScope.Own, Update = AccessScope.Own, Fields = Fields(("margin", FieldAccess.Hidden), ("stage", FieldAccess.ReadOnly)),
        });
        var analyst = Role("analyst", "deal", new EntityPermissions
        {
            Read = AccessScope.All, Fields = Fields(("margin", FieldAccess.ReadOnly), ("*", FieldAccess.ReadOnly)),
        });

        var deal = AccessProfile.For([seller, analyst]).For("deal");

        deal.Scope(AccessRight.Read).ShouldBe(AccessScope.All);
        deal.Scope(AccessRight.Update).ShouldBe(AccessScope.Own);
        deal.Scope(AccessRight.Delete).ShouldBe(AccessScope.None);
        deal.Field("margin").ShouldBe(FieldAccess.ReadOnly);
        deal.Field("stage").ShouldBe(FieldAccess.ReadOnly);
        deal.Field("title").ShouldBe(FieldAccess.Writable, "the seller does not restrict it");
        deal.HidesFields.ShouldBeFalse();
    }

    [Fact]
    public void GrantWithoutAnyScope_ShouldNotReopenFieldsAnotherRoleHides()
    {
        var seller = Role("seller", "deal", new EntityPermissions
        {
            Read = AccessScope.Own, Fields = Fields(("margin", FieldAccess.Hidden)),
        });
        var empty = Role("placeholder", "deal", new EntityPermissions());

        var deal = AccessProfile.For([seller, empty]).For("deal");

        deal.Field("margin").ShouldBe(FieldAccess.Hidden, "a grant of nothing must not widen field access");
        deal.Scope(AccessRight.Read).ShouldBe(AccessScope.Own);
        AccessProfile.For([empty]).For("deal").CanRead("title").ShouldBeFalse();
    }

    [Fact]
    public void DefaultFieldAccess_ShouldHideEveryFieldNotNamed()
    {
        var accountant = Role("accountant", "company", new EntityPermissions
        {
            Read = AccessScope.All, Fields = Fields(("*", FieldAccess.Hidden), ("inn", FieldAccess.ReadOnly)),
        });

        var company = AccessProfile.For([accountant]).For("company");

        company.Field("inn").ShouldBe(FieldAccess.ReadOnly);
        company.Field("phone").ShouldBe(FieldAccess.Hidden);
        company.HidesFields.ShouldBeTrue();
    }

    [Fact]
    public void WildcardEntity_ShouldApplyToEntitiesNotNamed_AndANamedOneShouldWin()
    {
        var role = new CrmRole
        {
            Name = "reader",
            Entities = new Dictionary<string, EntityPermissions>
            {
                ["*"] = new() { Read = AccessScope.Team },
                ["deal"] = new() { Read = AccessScope.Own },
            },
        };

        var profile = AccessProfile.For([role]);

        profile.For("contact").Scope(AccessRight.Read).ShouldBe(AccessScope.Team);
        profile.For("deal").Scope(AccessRight.Read).ShouldBe(AccessScope.Own);
    }

    [Fact]
    public void RoleWithoutTheEntity_ShouldGrantNothingOnIt()
    {
        var profile = AccessProfile.For([Role("x", "deal", new EntityPermissions { Read = AccessScope.All })]);

        var lead = profile.For("lead");

        foreach (var right in Enum.GetValues<AccessRight>())
        {
            lead.Scope(right).ShouldBe(AccessScope.None);
        }

        lead.Field("title").ShouldBe(FieldAccess.Hidden);
    }

    [Theory]
    [InlineData("administrator")]
    [InlineData("system")]
    public void BuiltInRoles_ShouldBeUnrestricted(string name)
    {
        var profile = new SecurityDirectory(1, [], [], []).ProfileFor([name, "whatever"]);

        profile.IsUnrestricted.ShouldBeTrue();
        profile.Privileges.ShouldBe(CrmPrivileges.All, ignoreOrder: true);
    }
}
