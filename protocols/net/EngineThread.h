#pragma once

#include "protocols/net/BackgroundPriority.h"

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <memory>
#include <utility>

namespace Satchel::Net {

// Owns one engine on its own worker thread (the moveToThread pattern, DESIGN.md
// "Threads and data flow"):
//  - the engine object is built here, moved to a plain QThread, and its start() slot
//    runs on QThread::started, so every socket and timer it makes lives on the worker;
//  - the worker runs below the GUI thread's CPU priority (lowerCurrentThreadPriority);
//  - QThread::finished deletes it (deleteLater) on the worker;
//  - start() begins the thread: connect the engine's signals first, or early
//    results are lost;
//  - the destructor quits the thread's event loop and waits for it: engines never
//    block, so the wait is short even with work in flight.
// Engine must be a QObject with a `void start()` slot and no parent.
template<class Engine> class EngineThread
{
public:
    template<class... Args>
    explicit EngineThread(const QString &name, Args &&...args)
        : m_engine(new Engine(std::forward<Args>(args)...))
    {
        m_thread.setObjectName(name);
        m_engine->moveToThread(&m_thread);
        // Direct: on the worker, before the engine starts (see BackgroundPriority.h).
        QObject::connect(&m_thread, &QThread::started, &m_thread, &lowerCurrentThreadPriority, Qt::DirectConnection);
        QObject::connect(&m_thread, &QThread::started, m_engine, &Engine::start);
        QObject::connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    }

    void start() { m_thread.start(); }

    ~EngineThread()
    {
        if (!m_thread.isRunning()) {
            delete m_engine; // never started: it still belongs to no running thread
            return;
        }
        m_thread.quit();
        m_thread.wait();
    }

    EngineThread(const EngineThread &) = delete;
    EngineThread &operator=(const EngineThread &) = delete;

    // Runs `call(engine)` on the worker thread, after what was posted before it.
    // Called from the owning (GUI) thread; never touches engine state directly.
    template<class Call> void post(Call &&call)
    {
        Engine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine, call = std::forward<Call>(call)]() mutable { call(*engine); }, Qt::QueuedConnection);
    }

    // For connecting the engine's signals to a facade on the GUI thread (queued:
    // the engine's thread differs). Not for calling methods: use post().
    Engine *engine() const { return m_engine; }
    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
    Engine *m_engine;
};

} // namespace Satchel::Net
