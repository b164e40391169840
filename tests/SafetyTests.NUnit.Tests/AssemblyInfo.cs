// NUnit's runner redirects the console while it runs in process: run these tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
