using System.Globalization;
using System.Text;
using System.Xml;
using CrmKit.Sdk.Records;

namespace CrmKit.Benchmarks.OneC;

/// <summary>
/// The baseline: the same CommerceML, byte for byte, written by one plain loop — for each deal, read its company, lines
/// and products straight from <see cref="OrderData"/> (parsing the same JSON), compute the totals inline and write the
/// elements with an <see cref="XmlWriter"/> directly on the output. No batching, no queries, no model, no buffer.
/// </summary>
internal static class PlainXmlWriterLoop
{
    private const string Ns = "urn:1C.ru:commerceml_2";

    public static void Write(Stream output, int orders, DateTimeOffset generatedAt)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", CloseOutput = false };
        using var x = XmlWriter.Create(output, settings);
        x.WriteStartDocument();
        x.WriteStartElement("КоммерческаяИнформация", Ns);
        x.WriteAttributeString("ВерсияСхемы", "2.10");
        x.WriteAttributeString("ДатаФормирования", generatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        for (var i = 0; i < orders; i++)
        {
            var deal = OrderData.Deal(i).Values;
            var company = OrderData.Company(i % OrderData.Companies).Values;
            var lines = new (CrmRecord Line, CrmRecord Product, decimal Amount, decimal Vat)[OrderData.LinesPerOrder];
            decimal sum = 0, vatSum = 0;
            for (var k = 0; k < lines.Length; k++)
            {
                var line = OrderData.Line(i, k);
                var product = OrderData.Product(OrderData.IndexOf(Guid.Parse((string)line.Values["product"]!)));
                var amount = Math.Round(line.Values["quantity"]!.GetValue<decimal>() * line.Values["price"]!.GetValue<decimal>(), 2, MidpointRounding.AwayFromZero);
                var vat = Math.Round(amount * 20m / 120m, 2, MidpointRounding.AwayFromZero);
                lines[k] = (line, product, amount, vat);
                sum += amount;
                vatSum += vat;
            }

            x.WriteStartElement("Документ", Ns);
            x.WriteElementString("Ид", Ns, OrderData.DealId(i).ToString("D"));
            x.WriteElementString("Номер", Ns, (string)deal["number"]!);
            x.WriteElementString("Дата", Ns, OrderData.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            x.WriteElementString("ХозОперация", Ns, "Заказ товара");
            x.WriteElementString("Роль", Ns, "Продавец");
            x.WriteElementString("Валюта", Ns, "RUB");
            x.WriteElementString("Курс", Ns, "1");
            x.WriteElementString("Сумма", Ns, Money(sum));
            x.WriteStartElement("Контрагенты", Ns);
            x.WriteStartElement("Контрагент", Ns);
            x.WriteElementString("Ид", Ns, OrderData.CompanyId(i % OrderData.Companies).ToString("D"));
            x.WriteElementString("Наименование", Ns, (string)company["name"]!);
            x.WriteElementString("ОфициальноеНаименование", Ns, (string)company["legal_name"]!);
            x.WriteStartElement("ЮридическийАдрес", Ns);
            x.WriteElementString("Представление", Ns, (string)company["legal_address"]!);
            x.WriteEndElement();
            x.WriteElementString("ИНН", Ns, (string)company["inn"]!);
            x.WriteElementString("КПП", Ns, (string)company["kpp"]!);
            x.WriteStartElement("Контакты", Ns);
            x.WriteStartElement("Контакт", Ns);
            x.WriteElementString("Тип", Ns, "Почта");
            x.WriteElementString("Значение", Ns, (string)company["email"]!);
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteElementString("Роль", Ns, "Покупатель");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteElementString("Время", Ns, OrderData.Created.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            x.WriteElementString("Комментарий", Ns, (string)deal["title"]!);
            x.WriteStartElement("Налоги", Ns);
            Tax(x, vatSum);
            x.WriteEndElement();
            x.WriteStartElement("Товары", Ns);
            foreach (var (line, product, amount, vat) in lines)
            {
                var v = line.Values;
                x.WriteStartElement("Товар", Ns);
                x.WriteElementString("Ид", Ns, product.Id.ToString("D"));
                x.WriteElementString("Артикул", Ns, (string)v["sku"]!);
                x.WriteElementString("Наименование", Ns, (string)v["name"]!);
                x.WriteStartElement("БазоваяЕдиница", Ns);
                x.WriteAttributeString("Код", (string)v["unit_code"]!);
                x.WriteString((string)v["unit"]!);
                x.WriteEndElement();
                x.WriteStartElement("СтавкиНалогов", Ns);
                x.WriteStartElement("СтавкаНалога", Ns);
                x.WriteElementString("Наименование", Ns, "НДС");
                x.WriteElementString("Ставка", Ns, "20");
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteStartElement("ЗначенияРеквизитов", Ns);
                foreach (var name in (ReadOnlySpan<string>)["ВидНоменклатуры", "ТипНоменклатуры"])
                {
                    x.WriteStartElement("ЗначениеРеквизита", Ns);
                    x.WriteElementString("Наименование", Ns, name);
                    x.WriteElementString("Значение", Ns, "Товар");
                    x.WriteEndElement();
                }

                x.WriteEndElement();
                x.WriteElementString("ЦенаЗаЕдиницу", Ns, Money(v["price"]!.GetValue<decimal>()));
                x.WriteElementString("Количество", Ns, v["quantity"]!.GetValue<decimal>().ToString(CultureInfo.InvariantCulture));
                x.WriteElementString("Сумма", Ns, Money(amount));
                x.WriteStartElement("Налоги", Ns);
                Tax(x, vat);
                x.WriteEndElement();
                x.WriteEndElement();
            }

            x.WriteEndElement();
            x.WriteStartElement("ЗначенияРеквизитов", Ns);
            Requisite(x, "Статус заказа", "Новый");
            Requisite(x, "Сделка CRM", OrderData.DealId(i).ToString("D"));
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void Tax(XmlWriter x, decimal amount)
    {
        x.WriteStartElement("Налог", Ns);
        x.WriteElementString("Наименование", Ns, "НДС");
        x.WriteElementString("УчтеноВСумме", Ns, "true");
        x.WriteElementString("Сумма", Ns, Money(amount));
        x.WriteElementString("Ставка", Ns, "20");
        x.WriteEndElement();
    }

    private static void Requisite(XmlWriter x, string name, string value)
    {
        x.WriteStartElement("ЗначениеРеквизита", Ns);
        x.WriteElementString("Наименование", Ns, name);
        x.WriteElementString("Значение", Ns, value);
        x.WriteEndElement();
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
