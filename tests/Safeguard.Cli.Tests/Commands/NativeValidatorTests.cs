using Safeguard.Cli.Commands;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary>
/// The published native <c>safeguard-validate</c>, run as a process, against <c>safeguard ssda903 validate</c> run
/// in-process on the same files: the same bytes on the output, the same exit code, the same error message.
/// </summary>
public sealed class NativeValidatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-native-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Samples => ReferenceFiles.Path("ssda903", "samples");

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("table")]
    public async Task The_samples_give_the_same_output_and_exit_code(string format)
    {
        var (cli, native) = await BothAsync(["ssda903", "validate", Samples, "--format", format]);

        Assert.Equal(Ssda903Commands.ErrorsFound, cli.ExitCode);
        AssertSame(cli, native);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task A_generated_return_of_300_children_gives_the_same_output_and_exit_code(string format)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "generated")).FullName;
        Ssda903Generator.Write(folder, 300, CinCollection.Parse("2024-25"));

        var (cli, native) = await BothAsync(["ssda903", "validate", folder, "--format", format]);

        Assert.NotEqual(CommandRunner.BadInput, cli.ExitCode);
        Assert.True(cli.Output.Length > 1000, "the generated return has issues to report");
        AssertSame(cli, native);
    }

    [Fact]
    public async Task The_csv_written_to_a_file_is_the_same_and_so_is_the_line_that_says_so()
    {
        var fromCli = Path.Combine(_folder, "cli.csv");
        var fromNative = Path.Combine(_folder, "native.csv");

        var cli = await CliHarness.RunAsync(["ssda903", "validate", Samples, "--format", "csv", "-o", fromCli]);
        var native = await NativeValidator.RunAsync(["ssda903", "validate", Samples, "--format", "csv", "-o", fromNative]);

        Assert.Equal(cli.ExitCode, native.ExitCode);
        Assert.Equal(cli.Output.Replace(fromCli, fromNative, StringComparison.Ordinal), native.Output);
        Assert.Equal(await File.ReadAllBytesAsync(fromCli, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(fromNative, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_folder_and_a_file_that_is_no_table_are_refused_with_the_same_message_and_exit_1()
    {
        var (cli, native) = await BothAsync(["ssda903", "validate", Path.Combine(_folder, "nowhere")]);
        Assert.Equal(CommandRunner.BadInput, cli.ExitCode);
        Assert.Contains("no such file or folder", cli.Error, StringComparison.Ordinal);
        AssertSame(cli, native);

        var notes = Path.Combine(_folder, "notes.csv");
        await File.WriteAllTextAsync(notes, "NAME,AGE\n", TestContext.Current.CancellationToken);
        (cli, native) = await BothAsync(["ssda903", "validate", notes, "--format", "csv"]);
        Assert.Equal(CommandRunner.BadInput, cli.ExitCode);
        Assert.Contains("None of the files is a table of the SSDA903 return", cli.Error, StringComparison.Ordinal);
        AssertSame(cli, native);

        (cli, native) = await BothAsync(["ssda903", "validate", Samples, "--format", "pdf"]);
        Assert.Equal(CommandRunner.BadInput, cli.ExitCode);
        AssertSame(cli, native);
    }

    [Fact]
    public async Task A_workbook_is_refused_naming_the_command_that_writes_one()
    {
        var xlsx = Path.Combine(_folder, "issues.xlsx");

        var native = await NativeValidator.RunAsync(["ssda903", "validate", Samples, "--format", "xlsx", "-o", xlsx]);

        Assert.Equal(CommandRunner.BadInput, native.ExitCode);
        Assert.Contains("run safeguard ssda903 validate with the same arguments and --format xlsx -o issues.xlsx", native.Error, StringComparison.Ordinal);
        Assert.Empty(native.Output);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    private static async Task<(CliHarness.Result Cli, CliHarness.Result Native)> BothAsync(string[] args) =>
        (await CliHarness.RunAsync(args), await NativeValidator.RunAsync(args));

    private static void AssertSame(CliHarness.Result cli, CliHarness.Result native)
    {
        Assert.Equal(cli.Error, native.Error);
        Assert.Equal(cli.ExitCode, native.ExitCode);
        Assert.True(cli.Output == native.Output, $"the native output (decoded as strict UTF-8) differs from the CLI's ({native.Output.Length} characters against {cli.Output.Length})");
    }
}
