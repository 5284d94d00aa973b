using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Tests.Infrastructure;

namespace CrmKit.Plugins.OneC.Tests;

/// <summary>
/// The 1C plugin with ru.requisites installed beside it, as the B2B setup runs them: companies get the ИНН and КПП of
/// the files, checked by the FNS rules; an identifier the checks refuse is left out (and counted) instead of failing
/// the whole import — strict on output, lenient on input.
/// </summary>
public sealed class WithRequisitesTests : IDisposable
{
    private readonly OneCServer _server = new(withRequisites: true);

    private static byte[] OrdersWithBuyer(string inn, string kpp) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(TestData.PathOf("1c-orders-documents-2.09.xml"))
            .Replace("<ИНН/>", $"<ИНН>{inn}</ИНН>", StringComparison.Ordinal)
            .Replace("<КПП/>", $"<КПП>{kpp}</КПП>", StringComparison.Ordinal));

    [Theory]
    [InlineData("1c-orders-documents-2.09.xml", 2, 1)]
    [InlineData("bitrix-orders-2.05-cp1251.xml", 2, 0)]
    public async Task RealOrderFiles_ShouldImportWithoutErrors(string file, int deals, int companies)
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();

        (await onec.PostFileAsync("sale", file, TestData.Bytes(file))).ShouldBe(["success", ""]);

        (await admin.ListAsync("deal")).Count.ShouldBe(deals);
        (await admin.ListAsync("company")).Count.ShouldBe(companies);
    }

    [Fact]
    public async Task ValidRequisites_ShouldBeStoredOnTheCompany()
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();

        (await onec.PostFileAsync("sale", "orders.xml", OrdersWithBuyer("7707083893", "773601001"))).ShouldBe(["success", ""]);

        var company = (await admin.ListAsync("company")).ShouldHaveSingleItem();
        company["inn"]!.GetValue<string>().ShouldBe("7707083893");
        company["kpp"]!.GetValue<string>().ShouldBe("773601001");
    }

    [Fact]
    public async Task RefusedRequisites_ShouldBeLeftOut_AndTheRestImported()
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();

        // A checksum that does not add up and a КПП one digit short.
        (await onec.PostFileAsync("sale", "orders.xml", OrdersWithBuyer("7707083894", "77360100"))).ShouldBe(["success", ""]);

        var company = (await admin.ListAsync("company")).ShouldHaveSingleItem();
        company["name"]!.GetValue<string>().ShouldBe("Kikinda (Сербия)");
        company.ContainsKey("inn").ShouldBeFalse();
        company.ContainsKey("kpp").ShouldBeFalse();
        (await admin.ListAsync("deal")).Count.ShouldBe(2);
        var log = (await admin.ListAsync("onec_exchange")).ShouldHaveSingleItem();
        log["message"]!.GetValue<string>().ShouldStartWith("1 counterparty(ies) saved without the ИНН/КПП");
    }

    public void Dispose() => _server.Dispose();
}
