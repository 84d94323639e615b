using LogSentinel.Detect.Model;

namespace LogSentinel.Tests.Behaviour;

public sealed class PcaModelTests
{
    private static readonly PcaTrainingOptions Options = new();

    [Fact]
    public void Train_OrdinaryDays_ScriptedDayScoresFarAboveThreshold_OrdinaryDaysBelow()
    {
        var (model, summary) = PcaTrainer.Train(1, SyntheticWindows.Normal(3000, 1), BehaviourFeatures.Names, Options);
        var work = new float[model.Dimensions];

        var fresh = SyntheticWindows.Normal(2000, 2);
        var over = fresh.Count(w => model.Score(w, work) >= model.Threshold);

        Assert.Equal(Options.Rank, summary.Rank);
        Assert.True(over <= 2, $"{over} of 2000 ordinary days over the threshold");
        Assert.True(model.Score(SyntheticWindows.Scripted(), work) > 10 * model.Threshold);
    }

    [Fact]
    public void Train_SameWindowsTwice_SameModel()
    {
        var windows = SyntheticWindows.Normal(1500, 5);

        var first = PcaTrainer.Train(1, windows, BehaviourFeatures.Names, Options).Model.ToJson();
        var second = PcaTrainer.Train(1, windows, BehaviourFeatures.Names, Options).Model.ToJson();

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToJson_RoundTrip_ScoresTheSame()
    {
        var (model, _) = PcaTrainer.Train(7, SyntheticWindows.Normal(800, 3), BehaviourFeatures.Names, Options);
        var back = PcaModel.FromJson(7, model.ToJson());
        var work = new float[model.Dimensions];
        var scripted = SyntheticWindows.Scripted();

        Assert.Equal(model.Score(scripted, work), back.Score(scripted, work));
        Assert.Equal(model.Threshold, back.Threshold);
    }

    [Fact]
    public void FromJson_NotAModel_FailsNamingTheModel()
    {
        var error = Assert.Throws<InvalidDataException>(() => PcaModel.FromJson(4, "{\"features\": [\"a\"]"));

        Assert.Contains("Model 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TooFewWindows_SaysHowManyItNeeds()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PcaTrainer.Train(1, SyntheticWindows.Normal(20, 1), BehaviourFeatures.Names, Options));

        Assert.Contains("at least 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_AllocatesNothing()
    {
        var (model, _) = PcaTrainer.Train(1, SyntheticWindows.Normal(500, 9), BehaviourFeatures.Names, Options);
        var windows = SyntheticWindows.Normal(1000, 10);
        var work = new float[model.Dimensions];
        var sum = 0.0;
        foreach (var w in windows)
        {
            sum += model.Score(w, work);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var w in windows)
        {
            sum += model.Score(w, work);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
