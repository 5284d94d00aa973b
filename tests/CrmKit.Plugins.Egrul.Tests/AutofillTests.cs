using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.Tests.Infrastructure;
using CrmKit.Sdk.Errors;

namespace CrmKit.Plugins.Egrul.Tests;

/// <summary>
/// Autofill in a real host: a company saved with an INN and no name is filled from the registry; what the user typed
/// stays; a provider that is down never fails the save — the company is marked pending and filled later through the
/// outbox; the liquidated/bankrupt flag is set from the status.
/// </summary>
public sealed class AutofillTests : IAsyncLifetime
{
    private EgrulHost _host = null!;

    private FakeDaData DaData => _host.DaData;

    public async Task InitializeAsync() => _host = await EgrulHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_ShouldFillACompanySavedWithOnlyAnInn()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.WithAddress());

        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn });

        var values = company.Values;
        values["name"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
        values["legal_name"]!.GetValue<string>().ShouldBe("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"МОТОРИКА\"");
        values["company_kind"]!.GetValue<string>().ShouldBe("legal_entity");
        values["kpp"]!.GetValue<string>().ShouldBe(DaDataPayloads.MotorikaKpp);
        values["ogrn"]!.GetValue<string>().ShouldBe(DaDataPayloads.MotorikaOgrn);
        values["okpo"]!.GetValue<string>().ShouldBe("27539247");
        values["legal_address"]!.GetValue<string>().ShouldStartWith("105066, г Москва");
        values["director_name"]!.GetValue<string>().ShouldBe("Чех Илья Игоревич");
        values["director_post"]!.GetValue<string>().ShouldBe("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР");
        values["egrul_status"]!.GetValue<string>().ShouldBe("ACTIVE");
        values["egrul_inactive"]!.GetValue<bool>().ShouldBeFalse();
        values["egrul_registration_date"]!.GetValue<string>().ShouldBe("2015-02-05");
        values["egrul_okved"]!.GetValue<string>().ShouldBe("72.19");
        values["egrul_sync_state"]!.GetValue<string>().ShouldBe("ok");
        values["egrul_checked_at"].ShouldNotBeNull();

        // The head office was asked for.
        JsonNode.DeepEquals(DaData.Requests.Single().Json, new JsonObject { ["query"] = DaDataPayloads.MotorikaInn, ["branch_type"] = "MAIN" })
            .ShouldBeTrue(DaData.Requests.Single().Body);
    }

    [Fact]
    public async Task Create_ShouldKeepWhatTheUserTyped()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject
        {
            ["inn"] = "7719 402 047",
            ["director_name"] = "Иванов Иван Иванович",
            ["legal_name"] = "ООО «Моторика»",
        });

        company.Values["name"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
        company.Values["director_name"]!.GetValue<string>().ShouldBe("Иванов Иван Иванович");
        company.Values["legal_name"]!.GetValue<string>().ShouldBe("ООО «Моторика»");
        company.Values["inn"]!.GetValue<string>().ShouldBe(DaDataPayloads.MotorikaInn);
    }

    [Fact]
    public async Task Create_ShouldNotAskTheRegistry_WhenTheCompanyHasAName()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject { ["name"] = "Моторика", ["inn"] = DaDataPayloads.MotorikaInn });

        company.Values["name"]!.GetValue<string>().ShouldBe("Моторика");
        company.Values["egrul_sync_state"].ShouldBeNull();
        DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ShouldNotAskTheRegistry_ForAnInvalidInn_WhichIsRefusedWithTheReason()
    {
        var refusal = await Should.ThrowAsync<CrmException>(() => _host.CreateCompanyAsync(new JsonObject { ["name"] = "X", ["inn"] = "7707083894" }));

        refusal.Errors.ShouldContain(e => e.Code == "inn.checksum" && e.Pointer == "/inn");
        DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ShouldFillAnIndividualEntrepreneur()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.Entrepreneur());

        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.EntrepreneurInn });

        company.Values["name"]!.GetValue<string>().ShouldBe("ИП Чех Илья Игоревич");
        company.Values["company_kind"]!.GetValue<string>().ShouldBe("individual_entrepreneur");
        company.Values["ogrnip"]!.GetValue<string>().ShouldBe(DaDataPayloads.EntrepreneurOgrnip);
        company.Values["kpp"].ShouldBeNull();
        company.Values["ogrn"].ShouldBeNull();
        company.Values["director_name"]!.GetValue<string>().ShouldBe("Чех Илья Игоревич");
    }

    [Theory]
    [InlineData("LIQUIDATED", true)]
    [InlineData("BANKRUPT", true)]
    [InlineData("LIQUIDATING", true)]
    [InlineData("SOMETHING_NEW", false)]
    public async Task Create_ShouldFlagAWindingDownCompany(string status, bool flagged)
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.WithStatus(status));

        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn });

        company.Values["egrul_status"]!.GetValue<string>().ShouldBe(status);
        company.Values["egrul_inactive"]!.GetValue<bool>().ShouldBe(flagged);
        if (status == "LIQUIDATED")
        {
            company.Values["egrul_liquidation_date"]!.GetValue<string>().ShouldBe("2022-01-01");
        }
    }

    [Fact]
    public async Task Create_ShouldSaveWithAPlaceholder_WhenTheRegistryDoesNotKnowTheInn()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.NotFound());

        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = "7707083893" });

        company.Values["name"]!.GetValue<string>().ShouldBe("ИНН 7707083893");
        company.Values["egrul_sync_state"]!.GetValue<string>().ShouldBe("not_found");
    }

    [Fact]
    public async Task Create_ShouldSucceed_WhenDaDataIsDown_AndFillTheCompanyOnceItIsBack()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["maxRetries"] = 0 });
        DaData.Default = FakeReply.Error(500);

        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn });

        company.Values["name"]!.GetValue<string>().ShouldBe("ИНН " + DaDataPayloads.MotorikaInn);
        company.Values["egrul_sync_state"]!.GetValue<string>().ShouldBe("pending");

        // The retry runs through the outbox and keeps failing while DaData is down...
        await WaitUntilAsync(() => DaData.Requests.Count >= 3);
        (await _host.GetCompanyAsync(company.Id)).Values["egrul_sync_state"]!.GetValue<string>().ShouldBe("pending");

        // ...and fills the company once it is back.
        DaData.Default = FakeReply.Json(DaDataPayloads.Motorika());
        var filled = await _host.WaitForCompanyAsync(company.Id, c => c.Values["egrul_sync_state"]?.GetValue<string>() == "ok");

        filled.Values["egrul_sync_state"]!.GetValue<string>().ShouldBe("ok");
        filled.Values["name"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
        filled.Values["ogrn"]!.GetValue<string>().ShouldBe(DaDataPayloads.MotorikaOgrn);
    }

    [Fact]
    public async Task Create_ShouldSucceed_WhenDaDataIsSlowerThanTheAutofillTimeout()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["autofillTimeoutSeconds"] = 0.3, ["attemptTimeoutSeconds"] = 5 });
        DaData.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(3), DaDataPayloads.Motorika()));

        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn });

        company.Values["egrul_sync_state"]!.GetValue<string>().ShouldBe("pending");
        var filled = await _host.WaitForCompanyAsync(company.Id, c => c.Values["egrul_sync_state"]?.GetValue<string>() == "ok");
        filled.Values["name"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
    }

    [Fact]
    public async Task Create_ShouldSucceed_WhenTheTokenIsRefused()
    {
        DaData.Default = FakeReply.Error(401);

        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn });

        company.Values["egrul_sync_state"]!.GetValue<string>().ShouldBe("pending");
    }

    [Fact]
    public async Task Create_ShouldLeaveTheNameRequired_WhenAutofillIsOff()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["autofill"] = false });

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn }));

        refusal.Errors.ShouldContain(e => e.Pointer == "/name");
        DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_ShouldFillTheCompany_WhenTheInnIsAddedAndTheNameCleared()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject { ["name"] = "Новый клиент" });

        var updated = await _host.Records.UpdateAsync(EgrulHost.User, "company", company.Id,
            new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn, ["name"] = null }, company.Version);

        updated.Values["name"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
        updated.Values["ogrn"]!.GetValue<string>().ShouldBe(DaDataPayloads.MotorikaOgrn);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }
}
