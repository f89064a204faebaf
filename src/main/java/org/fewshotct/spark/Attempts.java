package org.fewshotct.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * Which attempt of a Spark task is running. A task that fails is retried; only its last attempt turns a
 * failure into a failed scan in the summary, so one scan that keeps failing does not abort the others.
 */
final class Attempts {

	/** local[N,F] allows F attempts; plain local[N] one, whatever spark.task.maxFailures says. */
	private static final Pattern LOCAL = Pattern.compile("local\\[[^,\\]]+(?:,\\s*(\\d+))?\\]");

	private Attempts() {}

	/** True in the last attempt Spark will make of the current task (or outside any task). */
	static boolean isLast() {
		final TaskContext task = TaskContext.get();
		if (task == null) return true;
		return task.attemptNumber() + 1 >= allowed(SparkEnv.get().conf());
	}

	static int allowed(final SparkConf conf) {
		final String master = conf.get("spark.master", "");
		if (master.startsWith("local")) {
			final Matcher local = LOCAL.matcher(master);
			return local.matches() && local.group(1) != null ? Integer.parseInt(local.group(1)) : 1;
		}
		return conf.getInt("spark.task.maxFailures", 4);
	}

	/** The cores Spark gives the current task (spark.task.cpus), or 1 outside any task. */
	static int cpus() {
		final TaskContext task = TaskContext.get();
		return task == null ? 1 : Math.max(1, task.cpus());
	}
}
