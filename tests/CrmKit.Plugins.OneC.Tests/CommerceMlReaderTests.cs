using System.Text;
using CrmKit.Plugins.OneC.Import;
using CrmKit.Plugins.OneC.Tests.Infrastructure;
using CrmKit.Sdk.Errors;

namespace CrmKit.Plugins.OneC.Tests;

/// <summary>Lenient on input: every real sample reads; strict on safety: bad files are refused with a clear code.</summary>
public sealed class CommerceMlReaderTests
{
    private const long Limit = 16 * 1024 * 1024;

    [Fact]
    public void Import207_ShouldYieldItsCatalogue()
    {
        var package = CommerceMlReader.Read(TestData.Stream("1c-import0_1-2.07.xml"), Limit);

        package.SchemaVersion.ShouldBe("2.07");
        package.Products.Count.ShouldBe(36);
        package.Products.Select(p => p.OneCId).Distinct().Count().ShouldBe(36);
        var first = package.Products[0];
        first.OneCId.ShouldBe("bd8c4e15-18f9-11e7-80c2-0cc47ab29cd1");
        first.Sku.ShouldBe("PM-421-WP");
        first.Name.ShouldBe("Портативный коврик Portable 140x200x1 см, Деревянные лошадки");
        first.UnitCode.ShouldBe("796");   // written "796 " in the file
        first.Unit.ShouldBe("Штука");
        first.VatRate.ShouldBe("20");
        first.Kind.ShouldBe("Товар");
        package.Documents.ShouldBeEmpty();
        package.Offers.ShouldBeEmpty();
    }

    [Fact]
    public void Offers207_ShouldYieldPricesAndStock()
    {
        var package = CommerceMlReader.Read(TestData.Stream("1c-offers0_1-2.07.xml"), Limit);

        package.Offers.Count.ShouldBe(44);
        var first = package.Offers[0];
        first.OneCId.ShouldBe("bd8c4e15-18f9-11e7-80c2-0cc47ab29cd1");
        first.Price.ShouldBe(100m);
        first.Stock.ShouldBe(377m);
        package.Products.ShouldBeEmpty();
    }

    [Fact]
    public void Orders209_ShouldYieldTwoOrdersOfOneBuyerDespiteTheNonSchemaElements()
    {
        var package = CommerceMlReader.Read(TestData.Stream("1c-orders-documents-2.09.xml"), Limit);

        package.Documents.Count.ShouldBe(2);
        package.Counterparties.Count.ShouldBe(1);
        var buyer = package.Counterparties[0];
        buyer.OneCId.ShouldBe("4a65ecb6-8b1b-11df-be16-e0cb4ed5f70f");
        buyer.FullName.ShouldBe("Kikinda (Сербия)");
        buyer.IsLegalEntity.ShouldBeTrue();
        buyer.Inn.ShouldBeNull();   // <ИНН/> is empty

        var order = package.Documents[0];
        order.OneCId.ShouldBe("142");
        order.Number.ShouldBe("142");
        order.Operation.ShouldBe("Заказ товара");
        order.Sum.ShouldBe(8186.84m);
        order.VatIncluded.ShouldBe(false);
        order.BuyerOneCId.ShouldBe(buyer.OneCId);
        order.Requisites["Номер оплаты по 1С"].ShouldBe("ТДЦУ-000001");
        order.Requisites["Дата отгрузки по 1С"].ShouldBe("2015-06-29T17:32:27");
        order.Lines[0].Price.ShouldBe(3338m);
        order.Lines[0].VatRate.ShouldBe("18");
        order.Lines[0].VatIncluded.ShouldBe(false);
        order.Lines[0].UnitCode.ShouldBe("796");
        package.Documents.Sum(d => d.Lines.Count).ShouldBe(4);
    }

    [Fact]
    public void BitrixCp1251WithoutNamespace_ShouldReadInCyrillic()
    {
        var package = CommerceMlReader.Read(TestData.Stream("bitrix-orders-2.05-cp1251.xml"), Limit);

        package.SchemaVersion.ShouldBe("2.05");
        package.Documents.Count.ShouldBe(2);
        package.Documents.Select(d => d.OneCId).ShouldBe(["132", "133"]);
        package.Documents[0].Operation.ShouldBe("Заказ товара");
        package.Documents[0].Currency.ShouldBe("руб");
        package.Documents[0].Sum.ShouldBe(231.74m);
        package.Documents[0].Requisites["Способ доставки"].ShouldBe("Самовывоз");
        package.Documents[0].Lines[0].Price.ShouldBe(231.74m);
        package.Documents[0].Lines[0].Quantity.ShouldBe(1m);
        package.Counterparties.Select(c => c.OneCId).ShouldBe(["38#catalog_exchange#", "5#content-manager# Контент менджер"]);
        package.Counterparties.ShouldAllBe(c => !c.IsLegalEntity);
        package.Documents.Sum(d => d.Lines.Count).ShouldBe(8);
    }

    [Fact]
    public void BitrixEmptyAnswer_ShouldYieldNothing()
    {
        var package = CommerceMlReader.Read(TestData.Stream("bitrix-orders-empty-2.05-cp1251.xml"), Limit);

        package.Documents.ShouldBeEmpty();
        package.Counterparties.ShouldBeEmpty();
    }

    [Fact]
    public void Seller_ShouldNotBecomeACounterpartyAndTheBuyerShouldBeFoundByRole()
    {
        const string xml = """
            <КоммерческаяИнформация ВерсияСхемы="2.10"><Документ><Ид>7</Ид><ХозОперация>Заказ товара</ХозОперация><Контрагенты>
              <Контрагент><Ид>us</Ид><Наименование>Мы</Наименование><ОфициальноеНаименование>ООО Мы</ОфициальноеНаименование><Роль>Продавец</Роль></Контрагент>
              <Контрагент><Ид>payer</Ид><Наименование>Плательщик</Наименование><ПолноеНаименование>Иванов</ПолноеНаименование><Роль>Плательщик</Роль></Контрагент>
              <Контрагент><Ид>buyer</Ид><Наименование>Покупатель</Наименование><ОфициальноеНаименование>АО Покупатель</ОфициальноеНаименование><Роль>Покупатель</Роль></Контрагент>
            </Контрагенты></Документ></КоммерческаяИнформация>
            """;

        var package = CommerceMlReader.Read(TestData.Utf8(xml), Limit);

        package.Counterparties.Select(c => c.OneCId).ShouldBe(["payer", "buyer"]);
        package.Documents.Single().BuyerOneCId.ShouldBe("buyer");
    }

    [Fact]
    public void BillionLaughs_ShouldBeRefusedAsADtd()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <КоммерческаяИнформация ВерсияСхемы="2.10"><Документ><Ид>&lol3;</Ид></Документ></КоммерческаяИнформация>
            """;

        Code(() => CommerceMlReader.Read(TestData.Utf8(bomb), Limit)).ShouldBe("onec.import_dtd_prohibited");
    }

    [Fact]
    public void ExternalEntity_ShouldBeRefusedAsADtd()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <КоммерческаяИнформация ВерсияСхемы="2.10"><Документ><Ид>&secret;</Ид></Документ></КоммерческаяИнформация>
            """;

        Code(() => CommerceMlReader.Read(TestData.Utf8(xxe), Limit)).ShouldBe("onec.import_dtd_prohibited");
    }

    [Fact]
    public void MalformedXml_ShouldSayWhere()
    {
        var error = Should.Throw<CrmException>(() => CommerceMlReader.Read(
            TestData.Utf8("<?xml version=\"1.0\"?>\n<КоммерческаяИнформация>\n<Документ><Ид>1</Ид>\n</КоммерческаяИнформация>"), Limit));

        error.Code.ShouldBe("onec.import_malformed");
        error.Message.ShouldContain("line 4");
    }

    [Fact]
    public void Cp1251BytesDeclaredUtf8_ShouldBeRefused()
    {
        var bytes = TestData.Bytes("bitrix-orders-2.05-cp1251.xml");
        var text = Encoding.Latin1.GetString(bytes).Replace("encoding=\"windows-1251\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);

        Code(() => CommerceMlReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(text)), Limit)).ShouldBe("onec.import_malformed");
    }

    [Fact]
    public void Utf8BytesDeclaredCp1251_ShouldBeRefusedInsteadOfImportingMojibake()
    {
        var text = File.ReadAllText(TestData.PathOf("1c-orders-documents-2.09.xml"))
            .Replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\"", StringComparison.Ordinal);

        var error = Should.Throw<CrmException>(() => CommerceMlReader.Read(TestData.Utf8(text), Limit));

        error.Code.ShouldBe("onec.import_encoding");
        error.Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void OversizedFile_ShouldBeRefused() =>
        Code(() => CommerceMlReader.Read(TestData.Stream("1c-import0_1-2.07.xml"), 10_000)).ShouldBe("onec.import_too_large");

    [Fact]
    public void OtherXml_ShouldBeRefusedAsNotCommerceMl() =>
        Code(() => CommerceMlReader.Read(TestData.Utf8("<Message><Body/></Message>"), Limit)).ShouldBe("onec.import_not_commerceml");

    private static string Code(Action action) => Should.Throw<CrmException>(action).Code;
}
