#include "core/progress_meter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace corresp {
namespace {

TEST(FormatDurationTest, RollsOverMinutesAndHours) {
  struct Case {
    std::optional<double> seconds;
    const char* want;
    const char* pins;
  };
  const Case cases[] = {
      {0.0, "0:00", "zero"},
      {4.6, "0:05", "rounded to the nearest second"},
      {59.4, "0:59", "below a minute"},
      {59.6, "1:00", "rounding rolls seconds over into a minute"},
      {3599.0, "59:59", "last minutes-only value"},
      {3600.0, "1:00:00", "an hour switches to h:mm:ss"},
      {3723.0, "1:02:03", "minutes and seconds zero-padded"},
      {100 * 3600.0, "100:00:00", "hours are not wrapped at a day"},
      {std::nullopt, "--:--", "unknown (zero rate)"},
      {-1.0, "--:--", "negative is not a duration"},
      {std::numeric_limits<double>::infinity(), "--:--", "infinite"},
      {std::nan(""), "--:--", "NaN"},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatDuration(c.seconds), c.want) << c.pins;
}

TEST(ProgressMeterTest, FirstCallHasNoRateAndNoEta) {
  ProgressMeter meter(100);
  EXPECT_EQ(meter.LettersPerSecond(), 0);
  EXPECT_EQ(meter.ItemsPerSecond(), 0);
  EXPECT_FALSE(meter.EtaSeconds().has_value()) << "zero rate: ETA unknown, not infinite";
  EXPECT_NE(meter.Line(200).find("ETA --:--"), std::string::npos) << meter.Line(200);
  meter.Record({0.0, 5, 40});  // work reported at time 0: still no time span
  EXPECT_EQ(meter.LettersPerSecond(), 0);
  EXPECT_FALSE(meter.EtaSeconds().has_value());
}

TEST(ProgressMeterTest, RatesAndEtaTable) {
  struct Step {
    ProgressSample sample;
    double letters_per_second;
    double items_per_second;
    std::optional<double> eta;
    const char* pins;
  };
  // total 100, window 10 s
  const Step steps[] = {
      {{2, 10, 100}, 5, 50, 18, "whole run until the window fills: 10 letters in 2 s"},
      {{4, 20, 200}, 5, 50, 16, "steady pace"},
      {{4, 20, 200}, 5, 50, 16, "a repeated sample changes nothing"},
      {{14, 30, 250}, 1, 5, 70, "window 4..14 s: 10 letters, 50 items in 10 s"},
      {{24, 30, 250}, 0, 0, std::nullopt, "stalled for a whole window: rate 0, ETA unknown"},
      {{34, 100, 900}, 7, 65, 0, "done: ETA 0 whatever the rate"},
  };
  ProgressMeter meter(100, {.window_seconds = 10});
  for (const Step& s : steps) {
    meter.Record(s.sample);
    EXPECT_DOUBLE_EQ(meter.LettersPerSecond(), s.letters_per_second) << s.pins;
    EXPECT_DOUBLE_EQ(meter.ItemsPerSecond(), s.items_per_second) << s.pins;
    EXPECT_EQ(meter.EtaSeconds().has_value(), s.eta.has_value()) << s.pins;
    if (s.eta && meter.EtaSeconds()) {
      EXPECT_DOUBLE_EQ(*meter.EtaSeconds(), *s.eta) << s.pins;
    }
  }
  EXPECT_EQ(meter.Percent(), 100);
}

TEST(ProgressMeterTest, IgnoresASampleFromThePast) {
  ProgressMeter meter(10);
  meter.Record({5, 5, 5});
  meter.Record({3, 9, 9});
  EXPECT_EQ(meter.done(), 5u);
  EXPECT_EQ(meter.elapsed(), 5);
}

TEST(ProgressMeterTest, PercentOfAnEmptyRunIsComplete) {
  ProgressMeter meter(0);
  EXPECT_EQ(meter.Percent(), 100);
  EXPECT_EQ(meter.EtaSeconds(), 0.0);
}

TEST(ProgressMeterTest, LineHoldsEveryFigureAndFitsTheWidth) {
  ProgressMeter meter(5000);
  meter.Record({34, 1200, 14000});
  const std::string figures =
      "1200/5000  24.0%   35.3 letters/s   412 items/s elapsed 0:34 ETA 1:48";
  ASSERT_EQ(figures.size(), 69u);
  struct Width {
    std::size_t width;
    std::string want;
    const char* pins;
  };
  const Width widths[] = {
      {200, "index [####................] " + figures, "a wide terminal: the 20-cell bar"},
      {98, "index [####................] " + figures, "exactly room for the 20-cell bar"},
      {97, "index [####...............] " + figures, "one column less: the bar shrinks"},
      {83, "index [#....] " + figures, "the smallest bar"},
      {82, "index " + figures, "no room for 5 cells: no bar"},
      {79, "index " + figures, "an 80-column terminal keeps every figure"},
      {75, "index " + figures, "exactly the figures"},
      {40, ("index " + figures).substr(0, 40), "narrower: the figures are cut"},
      {0, "", "zero width"},
  };
  for (const Width& w : widths) {
    EXPECT_EQ(meter.Line(w.width), w.want) << w.pins;
    EXPECT_LE(meter.Line(w.width).size(), w.width) << w.pins;
  }
  ProgressMeter big(3'000'000);
  big.Record({3 * 3600.0, 2'999'999, 30'000'000});
  EXPECT_NE(big.Line(200).find("2999999/3000000 100.0% "), std::string::npos) << big.Line(200);
  ProgressMeter early(3'000'000);
  early.Record({1, 7, 70});
  for (const char* figure : {"/", "%", "letters/s", "items/s", "elapsed"})
    EXPECT_EQ(early.Line(200).find(figure), big.Line(200).find(figure))
        << figure << ": numbers padded, the figures do not move as the line redraws\n"
        << early.Line(200) << "\n"
        << big.Line(200);
  EXPECT_NE(big.Line(200).find("[###################.]"), std::string::npos)
      << "the bar is full only when done: " << big.Line(200);
  EXPECT_NE(big.Line(200).find("elapsed 3:00:00"), std::string::npos) << big.Line(200);
}

}  // namespace
}  // namespace corresp
