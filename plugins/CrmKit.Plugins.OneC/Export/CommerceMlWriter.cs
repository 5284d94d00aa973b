using System.Globalization;
using System.Text;
using System.Xml;

namespace CrmKit.Plugins.OneC.Export;

/// <summary>
/// Writes CommerceML 2.10 (or 2.08) documents, valid against the official schema by construction: elements in the
/// schema's order, amounts with exactly 2 decimals, texts cut to the schema's lengths, ИНН/КПП only when well-formed,
/// UTF-8, namespace <c>urn:1C.ru:commerceml_2</c>. It streams: each document is written into a small buffer and copied
/// to the output before the next is read, so memory does not grow with the number of documents and the output (an
/// HTTP response) is only ever written asynchronously.
/// </summary>
internal sealed class CommerceMlWriter : IAsyncDisposable
{
    public const string Namespace = "urn:1C.ru:commerceml_2";

    private const int FlushThreshold = 32 * 1024;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
        CheckCharacters = true,
    };

    private readonly Stream _output;
    private readonly MemoryStream _buffer = new();
    private readonly XmlWriter _xml;

    public CommerceMlWriter(Stream output, string schemaVersion, DateTimeOffset generatedAt)
    {
        _output = output;
        _xml = XmlWriter.Create(_buffer, Settings);
        _xml.WriteStartDocument();
        _xml.WriteStartElement("КоммерческаяИнформация", Namespace);
        _xml.WriteAttributeString("ВерсияСхемы", schemaVersion);
        _xml.WriteAttributeString("ДатаФормирования", generatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
    }

    /// <summary>How many documents were written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one document and copies it out when the buffer is full enough.</summary>
    public async ValueTask WriteAsync(OrderDocument document, CancellationToken cancellationToken)
    {
        Write(document);
        Count++;
        _xml.Flush();
        if (_buffer.Length >= FlushThreshold)
        {
            await CopyOutAsync(cancellationToken);
        }
    }

    /// <summary>Closes the root element and copies the rest out.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        await CopyOutAsync(cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _xml.Dispose();
        await _buffer.DisposeAsync();
    }

    private async ValueTask CopyOutAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
        _buffer.SetLength(0);
    }

    private void Write(OrderDocument document)
    {
        var x = _xml;
        x.WriteStartElement("Документ", Namespace);
        Element("Ид", Cut(document.Id, 40));
        Element("Номер", Cut(document.Number, 255));
        Element("Дата", document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Element("ХозОперация", document.Operation);
        Element("Роль", "Продавец");
        Element("Валюта", document.Currency.Length == 3 ? document.Currency : "RUB");
        Element("Курс", "1");
        Element("Сумма", Money(document.Sum));
        x.WriteStartElement("Контрагенты", Namespace);
        WriteCounterparty(document.Buyer);
        x.WriteEndElement();
        Element("Время", document.Date.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(document.Comment))
        {
            Element("Комментарий", Cut(document.Comment, 3000));
        }

        var taxes = document.Taxes().ToList();
        if (taxes.Count > 0)
        {
            x.WriteStartElement("Налоги", Namespace);
            foreach (var (included, amount, rate) in taxes)
            {
                WriteTax(included, amount, rate);
            }

            x.WriteEndElement();
        }

        if (document.Lines.Count > 0)
        {
            x.WriteStartElement("Товары", Namespace);
            foreach (var line in document.Lines)
            {
                WriteLine(line);
            }

            x.WriteEndElement();
        }

        if (document.Requisites.Count > 0)
        {
            x.WriteStartElement("ЗначенияРеквизитов", Namespace);
            foreach (var (name, value) in document.Requisites)
            {
                x.WriteStartElement("ЗначениеРеквизита", Namespace);
                Element("Наименование", Cut(name, 255));
                Element("Значение", Cut(value, 1000));
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private void WriteCounterparty(Counterparty buyer)
    {
        var x = _xml;
        x.WriteStartElement("Контрагент", Namespace);
        Element("Ид", Cut(buyer.Id, 40));
        Element("Наименование", Cut(buyer.Name, 255));
        var inn = Digits(buyer.Inn, buyer.IsLegalEntity ? [10] : [10, 12]);
        var kpp = Digits(buyer.Kpp, [9]);
        if (buyer.IsLegalEntity)
        {
            Element("ОфициальноеНаименование", Cut(buyer.FullName, 255));
            if (!string.IsNullOrWhiteSpace(buyer.LegalAddress))
            {
                x.WriteStartElement("ЮридическийАдрес", Namespace);
                Element("Представление", Cut(buyer.LegalAddress, 255));
                x.WriteEndElement();
            }

            OptionalElement("ИНН", inn);
            OptionalElement("КПП", kpp);
        }
        else
        {
            Element("ПолноеНаименование", Cut(buyer.FullName, 255));
            OptionalElement("Фамилия", CutOrNull(buyer.LastName, 255));
            OptionalElement("Имя", CutOrNull(buyer.FirstName, 255));
            OptionalElement("Отчество", CutOrNull(buyer.MiddleName, 255));
            OptionalElement("ИНН", inn);
        }

        // ОГРН has no element in CommerceML 2.08/2.10 (an <ОГРН> makes the file invalid): it goes into the comment.
        if (!string.IsNullOrWhiteSpace(buyer.Ogrn))
        {
            Element("Комментарий", Cut((buyer.Ogrn.Trim().Length == 15 ? "ОГРНИП " : "ОГРН ") + buyer.Ogrn.Trim(), 3000));
        }

        var contacts = new List<(string Type, string Value)>();
        if (!string.IsNullOrWhiteSpace(buyer.Email))
        {
            contacts.Add(("Почта", buyer.Email));
        }

        if (!string.IsNullOrWhiteSpace(buyer.Phone))
        {
            contacts.Add(("Телефон рабочий", buyer.Phone));
        }

        if (!string.IsNullOrWhiteSpace(buyer.Website))
        {
            contacts.Add(("ВебСайт", buyer.Website));
        }

        if (contacts.Count > 0)
        {
            x.WriteStartElement("Контакты", Namespace);
            foreach (var (type, value) in contacts)
            {
                x.WriteStartElement("Контакт", Namespace);
                Element("Тип", type);
                Element("Значение", Cut(value, 255));
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        Element("Роль", "Покупатель");
        x.WriteEndElement();
    }

    private void WriteLine(OrderLine line)
    {
        var x = _xml;
        x.WriteStartElement("Товар", Namespace);
        Element("Ид", Cut(line.Id, 80));
        OptionalElement("Артикул", CutOrNull(line.Sku, 255));
        Element("Наименование", Cut(line.Name, 255));
        x.WriteStartElement("БазоваяЕдиница", Namespace);
        var code = line.UnitCode.Trim();
        if (code.Length is 3 or 4)
        {
            x.WriteAttributeString("Код", code);
        }

        x.WriteString(Cut(line.UnitName, 255));
        x.WriteEndElement();
        if (line.VatRate is { } rate)
        {
            x.WriteStartElement("СтавкиНалогов", Namespace);
            x.WriteStartElement("СтавкаНалога", Namespace);
            Element("Наименование", "НДС");
            Element("Ставка", rate);
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteStartElement("ЗначенияРеквизитов", Namespace);
        foreach (var name in (ReadOnlySpan<string>)["ВидНоменклатуры", "ТипНоменклатуры"])
        {
            x.WriteStartElement("ЗначениеРеквизита", Namespace);
            Element("Наименование", name);
            Element("Значение", line.Kind);
            x.WriteEndElement();
        }

        x.WriteEndElement();
        Element("ЦенаЗаЕдиницу", Money(line.Price));
        Element("Количество", line.Quantity.ToString(CultureInfo.InvariantCulture));
        Element("Сумма", Money(line.Total));
        if (line.VatRate is { } lineRate)
        {
            x.WriteStartElement("Налоги", Namespace);
            WriteTax(line.VatIncluded, line.Vat, lineRate);
            x.WriteEndElement();
        }

        if (line.Discount != 0)
        {
            x.WriteStartElement("Скидки", Namespace);
            x.WriteStartElement("Скидка", Namespace);
            Element("Наименование", "Скидка");
            Element("Сумма", Money(line.Discount));
            Element("Процент", line.DiscountPercent.ToString(CultureInfo.InvariantCulture));
            Element("УчтеноВСумме", "true");
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private void WriteTax(bool included, decimal amount, string rate)
    {
        var x = _xml;
        x.WriteStartElement("Налог", Namespace);
        Element("Наименование", "НДС");
        Element("УчтеноВСумме", included ? "true" : "false");
        Element("Сумма", Money(amount));
        Element("Ставка", rate);
        x.WriteEndElement();
    }

    private void Element(string name, string value) => _xml.WriteElementString(name, Namespace, value);

    private void OptionalElement(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Element(name, value);
        }
    }

    internal static string Money(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Cut(string value, int length)
    {
        var text = Clean(value).Trim();
        return text.Length <= length ? text : text[..length].TrimEnd();
    }

    private static string? CutOrNull(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? null : Cut(value, length);

    // Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped rather than failing the export.
    private static string Clean(string value)
    {
        var i = 0;
        while (i < value.Length && XmlConvert.IsXmlChar(value[i]))
        {
            i++;
        }

        if (i == value.Length)
        {
            return value;
        }

        var clean = new StringBuilder(value.Length).Append(value, 0, i);
        for (; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
            {
                clean.Append(value[i]);
            }
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                clean.Append(value, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }

    private static string? Digits(string? value, int[] lengths)
    {
        var text = value?.Trim();
        return text is not null && lengths.Contains(text.Length) && !text.AsSpan().ContainsAnyExceptInRange('0', '9') ? text : null;
    }
}
