using System.Globalization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Files;

namespace CrmKit.Sdk.Tests.Files;

public class FileStoreUnavailableExceptionTests
{
    [Fact]
    public void Constructor_ShouldSetUnavailableKindAndStableCode()
    {
        var cause = new IOException("connection refused");

        var error = new FileStoreUnavailableException("s3", cause);

        error.ShouldBeAssignableTo<CrmException>();
        error.Kind.ShouldBe(CrmErrorKind.Unavailable);
        error.Code.ShouldBe("file_store.unavailable");
        error.Store.ShouldBe("s3");
        error.InnerException.ShouldBeSameAs(cause);
        error.Title.Get(CultureInfo.GetCultureInfo("ru")).ShouldStartWith("Хранилище файлов недоступно");
    }

    [Fact]
    public void Message_ShouldNotRevealTheStoreOrCause()
    {
        var error = new FileStoreUnavailableException("s3", new IOException("secret-host:9000 refused"));

        error.Message.ShouldNotContain("secret-host");
        error.Message.ShouldNotContain("s3");
    }
}
