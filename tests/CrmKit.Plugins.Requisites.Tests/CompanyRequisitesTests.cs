using System.Text.Json.Nodes;
using CrmKit.Core.Plugins;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.Requisites.Tests;

/// <summary>The plugin in a real host: the company's requisites, the field types' refusals and the kind rules.</summary>
public sealed class CompanyRequisitesTests : IAsyncLifetime
{
    private RequisitesHost _host = null!;

    public async Task InitializeAsync() => _host = await RequisitesHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Plugin_ShouldLoad_WithItsFieldTypesFieldsAndHook()
    {
        var status = _host.Services.GetRequiredService<IPluginManager>().Find(RequisitesModule.PluginId).ShouldNotBeNull();
        status.State.ShouldBe(PluginState.Loaded, status.Reason);
        status.Registered.ShouldContain("field-type:" + RequisitesFieldTypes.Inn);
        status.Registered.ShouldContain("field-type:" + RequisitesFieldTypes.BankAccounts);
        status.Registered.ShouldContain("field:company.inn");
        status.Registered.ShouldContain("record-hook:ru.requisites.company-kind-rules");
    }

    [Fact]
    public async Task Create_ShouldStoreALegalEntitysRequisites_Compacted()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject
        {
            ["name"] = "ПАО Сбербанк",
            ["inn"] = "7707 083 893",
            ["kpp"] = "773601001",
            ["ogrn"] = "1027700132195",
            ["okpo"] = "00032537",
            ["legal_address"] = "117312, г. Москва, ул. Вавилова, д. 19",
            ["director_name"] = "Греф Герман Оскарович",
            ["director_post"] = "ПРЕЗИДЕНТ, ПРЕДСЕДАТЕЛЬ ПРАВЛЕНИЯ",
            ["bank_accounts"] = new JsonArray(new JsonObject
            {
                ["bik"] = "044525225",
                ["account"] = "4070 2810 3999 9434 9242",
                ["correspondent_account"] = "30101810400000000225",
                ["bank_name"] = "ПАО Сбербанк",
            }),
        });

        company.Values["inn"]!.GetValue<string>().ShouldBe("7707083893");
        company.Values["company_kind"]!.GetValue<string>().ShouldBe("legal_entity");
        company.Values["bank_accounts"]![0]!["account"]!.GetValue<string>().ShouldBe("40702810399994349242");
        company.Values["director_post"]!.GetValue<string>().ShouldBe("ПРЕЗИДЕНТ, ПРЕДСЕДАТЕЛЬ ПРАВЛЕНИЯ");
    }

    [Fact]
    public async Task Create_ShouldStoreAnIndividualEntrepreneur_WithTwelveDigitInnAndOgrnip()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject
        {
            ["name"] = "ИП Чех Илья Игоревич",
            ["inn"] = "781303761704",
            ["ogrnip"] = "304770000000020",
        });

        company.Values["company_kind"]!.GetValue<string>().ShouldBe("individual_entrepreneur");
        company.Values["ogrnip"]!.GetValue<string>().ShouldBe("304770000000020");
    }

    [Theory]
    [InlineData("inn", "7707083894", "inn.checksum")]
    [InlineData("inn", "0000000000", "inn.zero_region")]
    [InlineData("inn", "7707О83893", "inn.not_digits")]
    [InlineData("inn", "770708389", "inn.length")]
    [InlineData("kpp", "77360a001", "kpp.format")]
    [InlineData("ogrn", "1027700132194", "ogrn.checksum")]
    [InlineData("ogrnip", "304770000000009", "ogrnip.checksum")]
    [InlineData("okpo", "27539248", "okpo.checksum")]
    public async Task Create_ShouldRefuseABadIdentifier_WithTheReasonAtItsField(string field, string value, string code)
    {
        var refusal = await _host.RefusedAsync(new JsonObject { ["name"] = "Test", [field] = value });

        refusal.Kind.ShouldBe(CrmErrorKind.Validation);
        var error = refusal.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Pointer.ShouldBe("/" + field);
        error.Message.Get(new System.Globalization.CultureInfo("ru")).ShouldNotBeNullOrWhiteSpace();
        error.Message.Get(new System.Globalization.CultureInfo("en")).ShouldNotBe(error.Message.Get(new System.Globalization.CultureInfo("ru")));
    }

    [Theory]
    [InlineData("044525225", "30101810400000000226", "correspondent_account", "correspondent_account.checksum")]
    [InlineData("044525225", "40702810938000000000", "account", "account.checksum")]
    public async Task Create_ShouldRefuseABankAccountThatDoesNotMatchItsBik(string bik, string number, string member, string code)
    {
        var account = new JsonObject { ["bik"] = bik, ["account"] = "40702810399994349242" };
        account[member] = number;

        var refusal = await _host.RefusedAsync(new JsonObject { ["name"] = "Test", ["bank_accounts"] = new JsonArray(account) });

        var error = refusal.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Pointer.ShouldBe("/bank_accounts");
        error.Message.Get(new System.Globalization.CultureInfo("en")).ShouldStartWith("/0/" + member + ":");
    }

    [Fact]
    public async Task Create_ShouldRefuseABadBik_OnceAndNotItsAccounts()
    {
        var refusal = await _host.RefusedAsync(new JsonObject
        {
            ["name"] = "Test",
            ["bank_accounts"] = new JsonArray(new JsonObject { ["bik"] = "144525225", ["account"] = "40702810399994349242" }),
        });

        refusal.Errors.ShouldHaveSingleItem().Code.ShouldBe("bik.country");
    }

    [Fact]
    public async Task Create_ShouldRefuseAnEntrepreneurWithKppAndOgrn()
    {
        var refusal = await _host.RefusedAsync(new JsonObject
        {
            ["name"] = "ИП Тест",
            ["company_kind"] = "individual_entrepreneur",
            ["inn"] = "781303761704",
            ["kpp"] = "773601001",
            ["ogrn"] = "1027700132195",
        });

        refusal.Code.ShouldBe("validation.failed");
        refusal.Errors.Select(e => (e.Code, e.Pointer)).ShouldBe(
            [("requisites.kpp_not_allowed", "/kpp"), ("requisites.ogrn_not_allowed", "/ogrn")], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_ShouldRefuseALegalEntityWithATwelveDigitInnOrAnOgrnip()
    {
        var refusal = await _host.RefusedAsync(new JsonObject
        {
            ["name"] = "Test",
            ["company_kind"] = "legal_entity",
            ["inn"] = "781303761704",
            ["ogrnip"] = "304770000000020",
        });

        refusal.Errors.Select(e => (e.Code, e.Pointer)).ShouldBe(
            [("inn.length", "/inn"), ("requisites.ogrnip_not_allowed", "/ogrnip")], ignoreOrder: true);
    }

    [Fact]
    public async Task Update_ShouldCheckTheRulesOnTheRecordAsItWillBe()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject { ["name"] = "Test", ["inn"] = "7707083893", ["kpp"] = "773601001" });

        // Turning the company into an entrepreneur while it keeps its KPP and 10-digit INN is refused, and nothing changes.
        var refusal = await Should.ThrowAsync<CrmException>(() => _host.Records.UpdateAsync(
            RequisitesHost.User, "company", company.Id, new JsonObject { ["company_kind"] = "individual_entrepreneur" }, company.Version));
        refusal.Errors.Select(e => e.Code).ShouldBe(["inn.length", "requisites.kpp_not_allowed"], ignoreOrder: true);
        var stored = await _host.Records.GetAsync(RequisitesHost.User, "company", company.Id);
        stored!.Values["company_kind"]!.GetValue<string>().ShouldBe("legal_entity");

        var changed = await _host.Records.UpdateAsync(RequisitesHost.User, "company", company.Id, new JsonObject
        {
            ["company_kind"] = "individual_entrepreneur",
            ["inn"] = "781303761704",
            ["kpp"] = null,
        }, company.Version);
        changed.Values["company_kind"]!.GetValue<string>().ShouldBe("individual_entrepreneur");
    }

    [Fact]
    public async Task Create_ShouldAcceptACompanyWithoutRequisites()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject { ["name"] = "Acme GmbH" });

        company.Values["company_kind"].ShouldBeNull();
        company.Values["inn"].ShouldBeNull();
    }
}
