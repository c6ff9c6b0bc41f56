namespace PromiseJs.Scheduling;

/// <summary>A FIFO ring buffer of jobs that grows by doubling; not thread-safe (callers own it or lock around it).</summary>
internal sealed class JobQueue(int capacity = 64)
{
    // A power of two.
    private Job[] _items = new Job[capacity];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Enqueue(in Job job)
    {
        Job[] items = _items;
        if (_count == items.Length)
        {
            items = Grow();
        }

        items[(_head + _count) & (items.Length - 1)] = job;
        _count++;
    }

    public Job Dequeue()
    {
        Job[] items = _items;
        int head = _head;
        Job job = items[head];
        items[head] = default;
        _head = (head + 1) & (items.Length - 1);
        _count--;
        return job;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
    }

    private Job[] Grow()
    {
        Job[] old = _items;
        var items = new Job[old.Length * 2];
        int firstPart = old.Length - _head;
        Array.Copy(old, _head, items, 0, firstPart);
        Array.Copy(old, 0, items, firstPart, _head);
        _items = items;
        _head = 0;
        return items;
    }
}
