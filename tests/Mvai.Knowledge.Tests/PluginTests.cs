using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Plugins;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Tests;

public sealed class PluginTests
{
    private static Kernel BuildKernel()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var services = new ServiceCollection().AddKnowledge(configuration).BuildServiceProvider();
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddFromObject(services.GetRequiredService<GuidancePlugin>(), "guidance");
        return builder.Build();
    }

    [Fact]
    public async Task Search_guidance_runs_through_a_kernel()
    {
        var kernel = BuildKernel();
        var result = await kernel.InvokeAsync("guidance", "search_guidance", new KernelArguments { ["query"] = "wht is a FAC", ["top"] = 2 });
        var text = result.GetValue<string>()!;
        Assert.StartsWith("[family-assistance-center#", text, StringComparison.Ordinal);
        Assert.Contains("Sources: ", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("[", StringSplitOptions.None).Count(s => s.Contains('#', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Answer_question_runs_through_a_kernel_with_citations()
    {
        var kernel = BuildKernel();
        var result = await kernel.InvokeAsync("guidance", "answer_question", new KernelArguments { ["question"] = "what do i tell the press in the first hour" });
        var text = result.GetValue<string>()!;
        Assert.Contains("\nSources:\n- ", text, StringComparison.Ordinal);
        Assert.Contains("https://", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_question_keeps_the_safety_screen()
    {
        var kernel = BuildKernel();
        var result = await kernel.InvokeAsync("guidance", "answer_question", new KernelArguments { ["question"] = "thinking about suicide" });
        Assert.StartsWith(SafetyReplies.Distress, result.GetValue<string>()!, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledge_registers_singletons_and_loads_the_corpus_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        using var services = new ServiceCollection().AddKnowledge(configuration).BuildServiceProvider();
        Assert.Same(services.GetRequiredService<IGuidanceAnswerer>(), services.GetRequiredService<IGuidanceAnswerer>());
        Assert.Same(services.GetRequiredService<Corpus.GuidanceCorpus>(), services.GetRequiredService<Corpus.GuidanceCorpus>());
        Assert.NotNull(services.GetRequiredService<SafetyScreen>());
    }

    [Fact]
    public void AddKnowledge_honours_a_configured_content_path()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:ContentPath"] = "no-such-folder" }).Build();
        using var services = new ServiceCollection().AddKnowledge(configuration).BuildServiceProvider();
        Assert.Throws<DirectoryNotFoundException>(() => services.GetRequiredService<Corpus.GuidanceCorpus>());
    }
}
