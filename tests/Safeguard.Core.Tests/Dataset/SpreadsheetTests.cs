using System.Text;
using Safeguard.Dataset;

namespace Safeguard.Core.Tests.Dataset;

/// <summary>CSV cells that a spreadsheet would run as formulas are written as text; numbers and plain text are left alone.</summary>
public class SpreadsheetTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "\"'=SUM(A1:A9)\"")]
    [InlineData("+44 161 000", "\"'+44 161 000\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("Ann Smith", "Ann Smith")]
    [InlineData("Smith, Ann", "\"Smith, Ann\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    public void A_cell_that_would_be_a_formula_is_written_as_text(string value, string written) =>
        Assert.Equal(written, Spreadsheet.Quote(value));

    [Fact]
    public async Task A_csv_file_starts_with_a_byte_order_mark_and_guards_every_cell()
    {
        using var stream = new MemoryStream();
        await Spreadsheet.WriteCsvAsync(stream, ["Name", "=Heading"], [["=HYPERLINK(\"x\")", 1.50m], [null, -3m]], TestContext.Current.CancellationToken);
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(["Name,\"'=Heading\"", "\"'=HYPERLINK(\"\"x\"\")\",1.5", ",-3"], Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }
}
