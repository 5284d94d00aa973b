using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.Tests.Infrastructure;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Integrations;

namespace CrmKit.Plugins.Egrul.Tests;

/// <summary>
/// The registry lookup over the real HTTP stack (HttpClientFactory, the resilience handler, Kestrel on loopback) against
/// a DaData stand-in replaying the saved payloads and variants derived from them.
/// </summary>
public sealed class DaDataLookupTests : IAsyncLifetime
{
    private EgrulHost _host = null!;

    private FakeDaData DaData => _host.DaData;

    public async Task InitializeAsync() => _host = await EgrulHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Lookup_ShouldPostTheDocumentedRequest()
    {
        await _host.LookupAsync(DaDataPayloads.MotorikaInn);

        var request = DaData.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/suggestions/api/4_1/rs/findById/party");
        request.Authorization.ShouldBe("Token " + EgrulHost.Token);
        request.ContentType.ShouldStartWith("application/json");
        request.Accept.ShouldBe("application/json");
        JsonNode.DeepEquals(request.Json, new JsonObject { ["query"] = DaDataPayloads.MotorikaInn }).ShouldBeTrue(request.Body);
    }

    [Fact]
    public async Task Lookup_ShouldMapEveryFieldOfTheRealPayload()
    {
        var entry = (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).ShouldHaveSingleItem();

        entry.Kind.ShouldBe(RegistryCompanyKind.LegalEntity);
        entry.Inn.ShouldBe("7719402047");
        entry.Kpp.ShouldBe("773101001");
        entry.Ogrn.ShouldBe("1157746078984");
        entry.Okpo.ShouldBe("27539247");
        entry.ShortName.ShouldBe("ООО \"МОТОРИКА\"");
        entry.FullName.ShouldBe("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"МОТОРИКА\"");
        entry.LegalForm.ShouldBe("ООО");
        entry.LegalFormCode.ShouldBe("12300");
        entry.BranchType.ShouldBe(RegistryBranchType.HeadOffice);
        entry.RegistrationDate.ShouldBe(new DateOnly(2015, 2, 5));
        entry.LiquidationDate.ShouldBeNull();
        entry.Status.ShouldBe(RegistryCompanyStatuses.Active);
        entry.DirectorName.ShouldBe("Чех Илья Игоревич");
        entry.DirectorPost.ShouldBe("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР");
        entry.MainOkved.ShouldBe("72.19");
        entry.Raw["data"]!["hid"]!.GetValue<string>().ShouldStartWith("baf58291");

        // The real payload has no address block: a missing optional block is no error.
        entry.LegalAddress.ShouldBeNull();
    }

    [Fact]
    public async Task Lookup_ShouldTakeTheLegalAddress_WhenTheBlockIsThere()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.WithAddress());

        var entry = (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).ShouldHaveSingleItem();

        entry.LegalAddress.ShouldBe("105066, г Москва, Басманный р-н, ул Нижняя Красносельская, д 35 стр 9");
    }

    [Theory]
    [InlineData("LIQUIDATING", true)]
    [InlineData("LIQUIDATED", true)]
    [InlineData("BANKRUPT", true)]
    [InlineData("REORGANIZING", false)]
    [InlineData("SOMETHING_NEW", false)]
    public async Task Lookup_ShouldKeepTheStatusAsText_IncludingUnknownValues(string status, bool windingDown)
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.WithStatus(status));

        var entry = (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).ShouldHaveSingleItem();

        entry.Status.ShouldBe(status);
        RegistryCompanyStatuses.IsWindingDown(entry.Status).ShouldBe(windingDown);
        if (status == "LIQUIDATED")
        {
            entry.LiquidationDate.ShouldBe(new DateOnly(2022, 1, 1));
        }
    }

    [Fact]
    public async Task Lookup_ShouldPutTheHeadOfficeFirst_WhenThereAreBranches()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.WithBranches());

        var entries = await _host.LookupAsync(DaDataPayloads.MotorikaInn);

        entries.Select(e => (e.BranchType, e.Kpp)).ShouldBe(
        [
            (RegistryBranchType.HeadOffice, DaDataPayloads.MotorikaKpp),
            (RegistryBranchType.Branch, DaDataPayloads.BranchKpp),
            (RegistryBranchType.Branch, DaDataPayloads.SecondBranchKpp),
        ]);
    }

    [Fact]
    public async Task Lookup_ShouldChooseTheSubdivisionByKpp_AndSendTheKpp()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.WithBranches());

        var entry = (await _host.LookupAsync(DaDataPayloads.MotorikaInn, kpp: DaDataPayloads.BranchKpp)).ShouldHaveSingleItem();

        entry.Kpp.ShouldBe(DaDataPayloads.BranchKpp);
        entry.BranchType.ShouldBe(RegistryBranchType.Branch);
        entry.LegalAddress.ShouldBe("г Москва, ул Тверская, д 1");
        JsonNode.DeepEquals(DaData.Requests.Single().Json, new JsonObject { ["query"] = DaDataPayloads.MotorikaInn, ["kpp"] = DaDataPayloads.BranchKpp })
            .ShouldBeTrue();
    }

    [Fact]
    public async Task Lookup_ShouldSendTheBranchType_AndKeepOnlyThoseSubdivisions()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.WithBranches());

        var entries = await _host.LookupAsync(DaDataPayloads.MotorikaInn, branch: RegistryBranchType.Branch);

        entries.Select(e => e.Kpp).ShouldBe([DaDataPayloads.BranchKpp, DaDataPayloads.SecondBranchKpp]);
        DaData.Requests.Single().Json["branch_type"]!.GetValue<string>().ShouldBe("BRANCH");
    }

    [Fact]
    public async Task Lookup_ShouldMapAnIndividualEntrepreneur()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.Entrepreneur());

        var entry = (await _host.LookupAsync(DaDataPayloads.EntrepreneurOgrnip)).ShouldHaveSingleItem();

        entry.Kind.ShouldBe(RegistryCompanyKind.IndividualEntrepreneur);
        entry.Inn.ShouldBe(DaDataPayloads.EntrepreneurInn);
        entry.Ogrn.ShouldBe(DaDataPayloads.EntrepreneurOgrnip);
        entry.Kpp.ShouldBeNull();
        entry.ShortName.ShouldBe("ИП Чех Илья Игоревич");
        entry.LegalForm.ShouldBe("ИП");
        entry.DirectorName.ShouldBe("Чех Илья Игоревич");
        entry.DirectorPost.ShouldBeNull();
        entry.BranchType.ShouldBeNull();
        DaData.Requests.Single().Json["query"]!.GetValue<string>().ShouldBe(DaDataPayloads.EntrepreneurOgrnip);
    }

    [Fact]
    public async Task Lookup_ShouldReturnNothing_WhenTheRegistryHasNoSuchCompany()
    {
        DaData.Default = FakeReply.Json(DaDataPayloads.NotFound());

        (await _host.LookupAsync("7707083893")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("7707083894", "inn.checksum")]
    [InlineData("0000000000", "inn.zero_region")]
    [InlineData("7707О83893", "inn.not_digits")]
    [InlineData("770708389", "query.length")]
    [InlineData("1027700132194", "ogrn.checksum")]
    [InlineData("304770000000009", "ogrnip.checksum")]
    public async Task Lookup_ShouldRefuseAnInvalidIdentifier_WithTheReason_AndSendNothing(string query, string reason)
    {
        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(query));

        refusal.Kind.ShouldBe(CrmErrorKind.BadRequest);
        refusal.Code.ShouldBe(EgrulErrorCodes.InvalidId);
        var error = refusal.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(reason);
        error.Pointer.ShouldBe("/query");
        DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lookup_ShouldRefuseAnInvalidKpp_AndSendNothing()
    {
        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn, kpp: "77310100"));

        refusal.Errors.ShouldHaveSingleItem().Code.ShouldBe("kpp.length");
        DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lookup_ShouldAcceptSpacesInTheQuery()
    {
        await _host.LookupAsync("7719 402 047");

        DaData.Requests.Single().Json["query"]!.GetValue<string>().ShouldBe(DaDataPayloads.MotorikaInn);
    }

    [Fact]
    public async Task Lookup_ShouldAnswerFromTheCache_UntilRefreshed()
    {
        await _host.LookupAsync(DaDataPayloads.MotorikaInn);
        await _host.LookupAsync(DaDataPayloads.MotorikaInn);
        DaData.Requests.Count.ShouldBe(1);

        DaData.Default = FakeReply.Json(DaDataPayloads.WithStatus("BANKRUPT"));
        (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).Single().Status.ShouldBe("ACTIVE");
        (await _host.LookupAsync(DaDataPayloads.MotorikaInn, refresh: true)).Single().Status.ShouldBe("BANKRUPT");
        DaData.Requests.Count.ShouldBe(2);

        // The refreshed answer replaced the cached one.
        (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).Single().Status.ShouldBe("BANKRUPT");
        DaData.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Lookup_ShouldAskEveryTime_WhenTheCacheIsOff()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["cacheMinutes"] = 0 });

        await _host.LookupAsync(DaDataPayloads.MotorikaInn);
        await _host.LookupAsync(DaDataPayloads.MotorikaInn);

        DaData.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Lookup_ShouldGiveFreshObjects_SoCallersCannotChangeTheCache()
    {
        var first = (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).Single();
        first.Raw["value"] = "changed";

        (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).Single().Raw["value"]!.GetValue<string>().ShouldBe("ООО \"МОТОРИКА\"");
    }
}
